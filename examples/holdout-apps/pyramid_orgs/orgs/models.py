"""SQLAlchemy models and the request-scoped session."""

from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from zope.sqlalchemy import register


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)


class Membership(Base):
    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    role: Mapped[str] = mapped_column(String(20), default="member")


class Org(Base):
    __tablename__ = "orgs"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


class Project(Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    name: Mapped[str] = mapped_column(String(120))

    def to_dict(self) -> dict:
        return {"id": self.id, "org_id": self.org_id, "name": self.name}


class Invite(Base):
    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    email: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=lambda: datetime.now(timezone.utc))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class OrgSettings(Base):
    __tablename__ = "org_settings"
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"), primary_key=True)
    openai_api_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    slack_webhook_url: Mapped[str | None] = mapped_column(String(300), nullable=True)
    llm_base_url: Mapped[str] = mapped_column(String(300), default="https://api.openai.com/v1")


def includeme(config):
    engine = create_engine(config.get_settings()["sqlalchemy.url"])
    factory = sessionmaker(bind=engine)

    def dbsession(request):
        session = factory()
        register(session, transaction_manager=request.tm)
        return session

    config.add_request_method(dbsession, reify=True)
