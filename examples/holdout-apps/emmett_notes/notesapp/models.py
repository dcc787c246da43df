"""Emmett ORM models: users, notebooks, notes and shares."""

from emmett.orm import Field, Model, belongs_to, has_many
from emmett.tools.auth import AuthUser


class User(AuthUser):
    has_many("notebooks", "notes")
    display_name = Field.string()
    is_admin = Field.bool(default=False)


class Notebook(Model):
    belongs_to("user")
    has_many("notes")
    title = Field.string()
    public = Field.bool(default=False)


class Note(Model):
    belongs_to("user", "notebook")
    title = Field.string()
    body = Field.text()
    tags = Field.string()
    summary = Field.text()


class Share(Model):
    belongs_to("note")
    email = Field.string()
    token = Field.string()
