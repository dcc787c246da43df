from fastapi import APIRouter, HTTPException, status
from sqlalchemy import select

from crm.deps import CurrentUser, DbSession
from crm.models import Contact, Note
from crm.schemas import ContactIn, ContactOut, ContactUpdate
from crm.services import get_owned_contact

router = APIRouter(prefix="/contacts", tags=["contacts"])


@router.get("/", response_model=list[ContactOut])
def list_contacts(user: CurrentUser, db: DbSession, skip: int = 0, limit: int = 50) -> list[Contact]:
    stmt = select(Contact).where(Contact.owner_id == user.id).offset(skip).limit(min(limit, 100))
    return list(db.scalars(stmt))


@router.post("/", response_model=ContactOut, status_code=status.HTTP_201_CREATED)
def create_contact(payload: ContactIn, user: CurrentUser, db: DbSession) -> Contact:
    # ok: VC215
    contact = Contact(**payload.model_dump(), owner_id=user.id)
    db.add(contact)
    db.commit()
    db.refresh(contact)
    return contact


@router.get("/{contact_id}", response_model=ContactOut)
def get_contact(contact_id: int, user: CurrentUser, db: DbSession) -> Contact:
    # ok: VC214
    return get_owned_contact(db, user, contact_id)


@router.patch("/{contact_id}", response_model=ContactOut)
def update_contact(contact_id: int, payload: ContactUpdate, user: CurrentUser, db: DbSession) -> Contact:
    contact = get_owned_contact(db, user, contact_id)
    # ok: VC215
    for field, value in payload.model_dump(exclude_unset=True).items():
        setattr(contact, field, value)
    db.commit()
    db.refresh(contact)
    return contact


@router.delete("/{contact_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_contact(contact_id: int, user: CurrentUser, db: DbSession) -> None:
    contact = get_owned_contact(db, user, contact_id)
    db.delete(contact)
    db.commit()


@router.get("/{contact_id}/notes")
def list_notes(contact_id: int, user: CurrentUser, db: DbSession) -> list[dict]:
    get_owned_contact(db, user, contact_id)
    # ok: VC214
    notes = db.scalars(select(Note).where(Note.contact_id == contact_id))
    return [{"id": n.id, "body": n.body} for n in notes]


@router.delete("/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_note(note_id: int, user: CurrentUser, db: DbSession) -> None:
    # expect: VC214
    note = db.get(Note, note_id)
    if note is None:
        raise HTTPException(status_code=404, detail="Note not found")
    db.delete(note)
    db.commit()
