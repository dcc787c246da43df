from sqlalchemy.orm import Session


def apply_changes(obj, changes: dict):
    """Copy the given fields onto a model instance."""
    for key, value in changes.items():
        setattr(obj, key, value)
    return obj


def save(db: Session, obj):
    db.add(obj)
    db.commit()
    db.refresh(obj)
    return obj
