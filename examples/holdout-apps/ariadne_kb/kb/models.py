"""ormar models for a team knowledge base."""

from __future__ import annotations

import databases
import ormar
import sqlalchemy

DATABASE_URL = "sqlite:///kb.db"
database = databases.Database(DATABASE_URL)
metadata = sqlalchemy.MetaData()
base_config = ormar.OrmarConfig(database=database, metadata=metadata)


class Team(ormar.Model):
    ormar_config = base_config.copy(tablename="teams")

    id: int = ormar.Integer(primary_key=True)
    name: str = ormar.String(max_length=100)


class Member(ormar.Model):
    ormar_config = base_config.copy(tablename="members")

    id: int = ormar.Integer(primary_key=True)
    email: str = ormar.String(max_length=200, unique=True)
    password_hash: str = ormar.String(max_length=200)
    role: str = ormar.String(max_length=20, default="reader")
    team: Team | None = ormar.ForeignKey(Team)


class Article(ormar.Model):
    ormar_config = base_config.copy(tablename="articles")

    id: int = ormar.Integer(primary_key=True)
    title: str = ormar.String(max_length=200)
    body: str = ormar.Text()
    published: bool = ormar.Boolean(default=False)
    team: Team | None = ormar.ForeignKey(Team)
    author: Member | None = ormar.ForeignKey(Member)
