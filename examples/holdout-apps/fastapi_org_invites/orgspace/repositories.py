from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Invite, Membership, Project


def get_project(db: Session, project_id: int) -> Project | None:
    return db.get(Project, project_id)


def get_org_project(db: Session, org_id: int, project_id: int) -> Project | None:
    return db.scalar(select(Project).where(Project.id == project_id, Project.org_id == org_id))


def list_org_projects(db: Session, org_id: int) -> list[Project]:
    return list(db.scalars(select(Project).where(Project.org_id == org_id, Project.archived.is_(False))))


def get_invite_by_token(db: Session, token: str) -> Invite | None:
    return db.scalar(select(Invite).where(Invite.token == token, Invite.accepted.is_(False)))


def get_membership_by_id(db: Session, membership_id: int) -> Membership | None:
    return db.get(Membership, membership_id)


def list_members(db: Session, org_id: int) -> list[Membership]:
    return list(db.scalars(select(Membership).where(Membership.org_id == org_id)))
