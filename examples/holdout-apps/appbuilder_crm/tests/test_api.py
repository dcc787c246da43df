from unittest import mock

import pytest

from app.models import Contact


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_search_requires_token(client):
    resp = client.get("/api/v1/crm/search", query_string={"q": "ann"})
    assert resp.status_code == 401


def test_search_finds_contact(client, api_token, app):
    from app import db

    db.session.add(Contact(name="Ann Lee", email="ann@lee.test"))
    db.session.commit()
    resp = client.get("/api/v1/crm/search-safe", query_string={"q": "Ann"}, headers=auth(api_token))
    assert resp.status_code == 200
    assert [r["email"] for r in resp.get_json()["result"]] == ["ann@lee.test"]


# expect: VC308
def test_import_contacts_calls_yaml():
    with mock.patch("app.api.yaml") as fake_yaml:
        fake_yaml.load.return_value = [{"name": "Bo"}]
        records = fake_yaml.load("- name: Bo")
        fake_yaml.load.assert_called_once()
        assert records == [{"name": "Bo"}]


# expect: VC303
def test_contacts_csv(client):
    client.get("/reports/contacts.csv")


def test_contact_notes_not_found(client, api_token):
    resp = client.get("/api/v1/crm/contacts/9999/notes", headers=auth(api_token))
    assert resp.status_code == 404


# expect: VC306
@pytest.mark.xfail
def test_set_role_rejects_unknown_role(client, api_token):
    resp = client.post("/api/v1/crm/users/1/role", json={"role": "Nope"}, headers=auth(api_token))
    assert resp.status_code == 400
