"""VC214 through another module: a handler hands the client's id to a row reader that `repositories.py` defines."""

from __future__ import annotations

from pathlib import Path

from tests.rules.cli_findings import reported_lines, write_dedented

MODELS = """
    from flask_sqlalchemy import SQLAlchemy

    db = SQLAlchemy()

    class Note(db.Model):
        id = db.Column(db.Integer, primary_key=True)
        owner_id = db.Column(db.Integer)
        body = db.Column(db.Text)
"""
REPOSITORIES = """
    from flask import abort
    from flask_login import current_user

    from .models import Note, db

    def get_note(note_id):
        return Note.query.get(note_id)

    def load_note(note_id):
        note = db.session.get(Note, note_id)
        if note is None:
            abort(404)
        return note

    def get_my_note(note_id):
        return Note.query.filter_by(id=note_id, owner_id=current_user.id).first_or_404()

    def get_checked_note(note_id):
        note = Note.query.get_or_404(note_id)
        if note.owner_id != current_user.id:
            abort(404)
        return note

    def count_views(note_id):
        return db.session.execute(db.select(db.func.count()).where(Note.id == note_id)).scalar()
"""
FORMATTING = """
    class Formatter:
        def get_label(self, label_id):
            return Label.query.get(label_id)

    formatter = Formatter()
"""
ROUTES = """
    from flask import Flask
    from flask_login import current_user, login_required

    from app import repositories as absolute
    from . import repositories
    from .formatting import formatter
    from .repositories import get_checked_note, get_my_note, get_note, load_note
    from .models import Note
    from notes_sdk import fetch_note

    app = Flask(__name__)

    @app.get("/a/<int:note_id>")
    @login_required
    def by_imported_function(note_id):
        return {"body": get_note(note_id).body}

    @app.get("/b/<int:note_id>")
    @login_required
    def by_imported_module(note_id):
        return {"body": repositories.load_note(note_id).body}

    @app.get("/c/<int:note_id>")
    @login_required
    def by_absolute_import(note_id):
        return {"body": absolute.get_note(note_id).body}

    @app.get("/d/<int:note_id>")
    @login_required
    def reader_scopes_to_the_caller(note_id):
        return {"body": get_my_note(note_id).body}

    @app.get("/e/<int:note_id>")
    @login_required
    def reader_checks_the_owner(note_id):
        return {"body": get_checked_note(note_id).body}

    @app.get("/f/<int:label_id>")
    @login_required
    def method_of_an_imported_object(label_id):
        return {"label": formatter.get_label(label_id)}

    @app.get("/g/<int:note_id>")
    @login_required
    def function_of_a_library(note_id):
        return {"body": fetch_note(note_id).body}

    @app.get("/h/<int:note_id>")
    @login_required
    def handed_the_caller_too(note_id):
        return {"body": repositories.load_note(note_id, current_user.id).body}

    @app.get("/i/<int:note_id>")
    @login_required
    def two_helpers_get_the_id(note_id):
        views = repositories.count_views(note_id)
        return {"body": get_note(note_id).body, "views": views}

    @app.get("/j/<int:note_id>")
    @login_required
    def own_lookup_after_a_checking_helper(note_id):
        get_checked_note(note_id)
        return {"body": Note.query.get(note_id).body}
"""


def _reported(root: Path, paths: list[Path]) -> list[str]:
    return reported_lines(root, paths, "VC214")


def test_a_handler_handing_its_id_to_another_modules_unchecked_reader_is_reported(tmp_path: Path) -> None:
    write_dedented(tmp_path, {"app/__init__.py": "", "app/models.py": MODELS, "app/repositories.py": REPOSITORIES,
                      "app/formatting.py": FORMATTING, "app/routes.py": ROUTES})
    assert _reported(tmp_path, [tmp_path]) == [
        'return {"body": absolute.get_note(note_id).body}', 'return {"body": get_note(note_id).body}',
        'return {"body": repositories.load_note(note_id).body}']


def test_a_reader_the_run_does_not_see_is_given_the_benefit_of_the_doubt(tmp_path: Path) -> None:
    write_dedented(tmp_path, {"app/__init__.py": "", "app/models.py": MODELS, "app/repositories.py": REPOSITORIES,
                      "app/formatting.py": FORMATTING, "app/routes.py": ROUTES})
    assert _reported(tmp_path, [tmp_path / "app" / "routes.py"]) == []
