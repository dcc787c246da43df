import pytest
from flask_jwt_extended import create_access_token

from notes_app.app import create_app
from notes_app.extensions import db


@pytest.fixture
def app():
    app = create_app()
    app.config.update(TESTING=True, SQLALCHEMY_DATABASE_URI="sqlite://")
    with app.app_context():
        db.create_all()
        yield app


@pytest.fixture
def headers(app):
    with app.app_context():
        return {"Authorization": f"Bearer {create_access_token(identity='1')}"}


def test_get_missing_note(app, headers):
    resp = app.test_client().get("/notes/999", headers=headers)
    # ok: VC303/VC310 -- asserts the status
    assert resp.status_code == 404


# expect: VC303 -- no assertion
def test_search_notes(app, headers):
    resp = app.test_client().get("/notes/search?q=x", headers=headers)
    print(resp.get_json())


def test_import_notes(app, headers):
    client = app.test_client()
    try:
        resp = client.post("/notes/import", headers=headers, data={})
        assert resp.status_code == 200
    # expect: VC305 -- failure of the call under test swallowed
    except Exception:
        pass


def test_purge_requires_admin(app, headers):
    resp = app.test_client().post("/admin/notes/purge", headers=headers)
    # expect: VC304 -- tautological assertion
    assert resp.status_code == 403 or True
