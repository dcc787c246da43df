from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy
# expect: VC504
from sqlalchemy.orm import Mapped, mapped_column

db = SQLAlchemy()


class User(db.Model, UserMixin):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)
    password_hash: Mapped[str]
    is_admin: Mapped[bool] = mapped_column(default=False)


class Recipe(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    body: Mapped[str]
    author_id: Mapped[int] = mapped_column(db.ForeignKey("user.id"))
    private: Mapped[bool] = mapped_column(default=False)
