"""Data access: one place that talks SQL."""
from typing import Any, Generic, TypeVar

# expect: VC504 -- sqlalchemy comes with sqlmodel but is not declared
from sqlalchemy import text
from sqlmodel import Session, SQLModel, select

from .models import Project

M = TypeVar("M", bound=SQLModel)


class Repository(Generic[M]):
    def __init__(self, model: type[M]):
        self.model = model

    def get(self, session: Session, obj_id: int) -> M | None:
        return session.get(self.model, obj_id)

    def get_in_tenant(self, session: Session, tenant_id: int, obj_id: int) -> M | None:
        stmt = select(self.model).where(self.model.id == obj_id, self.model.tenant_id == tenant_id)
        return session.exec(stmt).first()

    def save(self, session: Session, obj: M) -> M:
        session.add(obj)
        session.commit()
        session.refresh(obj)
        return obj

    def delete(self, session: Session, obj: M) -> None:
        session.delete(obj)
        session.commit()


class ProjectRepository(Repository[Project]):
    def __init__(self) -> None:
        super().__init__(Project)

    def list_for_tenant(self, session: Session, tenant_id: int, order_by: str) -> list[Project]:
        # expect: VC422/VC417 -- the sort key from the query string becomes SQL text
        stmt = select(Project).where(Project.tenant_id == tenant_id).order_by(text(order_by))
        return list(session.exec(stmt).all())

    def totals(self, session: Session, tenant_id: int, where: str) -> list[dict[str, Any]]:
        sql = f"SELECT name, SUM(budget) AS total FROM project WHERE tenant_id = {tenant_id} AND {where} GROUP BY name"
        # expect: VC402/VC422/VC417 -- a filter from the request body runs as SQL
        return [dict(r._mapping) for r in session.execute(text(sql))]

    def totals_by_status(self, session: Session, tenant_id: int, archived: bool) -> list[dict[str, Any]]:
        # ok: VC402/VC422 -- bound parameters
        rows = session.execute(
            text("SELECT name, SUM(budget) AS total FROM project WHERE tenant_id = :t AND archived = :a GROUP BY name"),
            {"t": tenant_id, "a": archived},
        )
        return [dict(r._mapping) for r in rows]


projects = ProjectRepository()
