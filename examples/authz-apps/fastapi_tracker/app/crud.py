from sqlalchemy import text
from sqlalchemy.orm import Session


def search_projects(db: Session, owner_id: int, term: str, order_by: str = "name"):
    clause = "owner_id = :owner AND name ILIKE '%" + term + "%'"
    stmt = f"SELECT id, name FROM projects WHERE {clause} ORDER BY {order_by}"
    return db.execute(text(stmt), {"owner": owner_id}).all()


def count_projects(db: Session, owner_id: int) -> int:
    return db.execute(text("SELECT count(*) FROM projects WHERE owner_id = :o"), {"o": owner_id}).scalar_one()
