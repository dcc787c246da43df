"""A model whose password setter hashes (a `property`, FlaskBB's `synonym(..., descriptor=property(get, set))`,
`@password.setter`, SQLAlchemy's `@validates`) stores a hash when a view of another module assigns the typed password
to it or hands it to the model's constructor: VC410 leaves those stores alone. A setter that keeps the value as it is,
or that hashes another field, clears nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

VIEWS = """
    from flask import request

    from .models import User


    def change_password(user):
        user.password = request.form["password"]


    def register():
        return User(username=request.form["username"], password=request.form["password"])
"""
SYNONYM = """
    from werkzeug.security import generate_password_hash

    from .db import db


    class User(db.Model):
        _password = db.Column("password", db.String(120))

        def _get_password(self):
            return self._password

        def _set_password(self, password):
            self._password = generate_password_hash(password)

        password = db.synonym("_password", descriptor=property(_get_password, _set_password))
"""
DECORATED = """
    import bcrypt


    class User:
        @property
        def password(self):
            return self._password

        @password.setter
        def password(self, plain):
            self._password = bcrypt.hashpw(plain.encode(), bcrypt.gensalt())
"""
VALIDATED = """
    from passlib.hash import argon2
    from sqlalchemy.orm import validates


    class User(Base):
        @validates("password")
        def _hash_password(self, key, value):
            return argon2.hash(value)
"""
PLAIN_SETTER = """
    class User:
        def _set_password(self, password):
            self._password = password.strip()

        password = property(lambda self: self._password, _set_password)
"""
OTHER_FIELD = """
    from werkzeug.security import generate_password_hash


    class User:
        @property
        def pin(self):
            return self._pin

        @pin.setter
        def pin(self, value):
            self._pin = generate_password_hash(value)
"""


def findings(root: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["check", "--format", "concise", "--no-bandit", "--no-cache", "--quiet", "--jobs", "1",
                                      "--select", "VC410", str(root)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return [line.split(":")[1] for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("models", [SYNONYM, DECORATED, VALIDATED])
def test_stores_through_a_hashing_setter_of_another_module_are_left_alone(tmp_path: Path, models: str) -> None:
    write(tmp_path, {"app/__init__.py": "", "app/models.py": models, "app/views.py": VIEWS})
    assert findings(tmp_path) == []


@pytest.mark.parametrize("models", [PLAIN_SETTER, OTHER_FIELD])
def test_a_setter_that_keeps_the_value_or_hashes_another_field_clears_nothing(tmp_path: Path, models: str) -> None:
    write(tmp_path, {"app/__init__.py": "", "app/models.py": models, "app/views.py": VIEWS})
    assert findings(tmp_path) == ["8", "12"]
