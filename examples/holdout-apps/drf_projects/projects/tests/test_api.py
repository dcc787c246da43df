from unittest.mock import patch

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from projects.models import Project
from projects.views import _mirror


@pytest.fixture
def api(db):
    user = User.objects.create_user("alice", password="pw")
    client = APIClient()
    client.force_authenticate(user)
    return client, user


@pytest.mark.django_db
def test_list_projects(api):
    client, user = api
    Project.objects.create(owner=user, name="p1")
    resp = client.get("/api/projects/")
    # ok: VC303/VC310 -- real assertion
    assert resp.status_code == 200
    assert len(resp.json()) == 1


@pytest.mark.django_db
# expect: VC303 -- no assertion
def test_archive_project(api):
    client, user = api
    project = Project.objects.create(owner=user, name="p1")
    client.post(f"/api/projects/{project.pk}/archive/")


@pytest.mark.django_db
def test_other_users_project_hidden(api):
    client, _ = api
    other = User.objects.create_user("bob", password="pw")
    project = Project.objects.create(owner=other, name="secret")
    resp = client.get(f"/api/projects/{project.pk}/")
    # expect: VC304 -- assertion that is always true
    assert resp.status_code in (200, 403, 404) or resp


def test_mirror_posts():
    with patch("projects.views.requests.post") as post:
        _mirror("https://example.com")
    # expect: VC303/VC304/VC308 -- typo, not an assertion
    post.assert_called_once


def test_mirror_swallows():
    with patch("projects.views.requests.post", side_effect=RuntimeError):
        _mirror("https://example.com")
    # expect: VC304 -- assert True
    assert True


# expect: VC306 -- bare skip without a reason
@pytest.mark.skip
def test_report_sql():
    client = APIClient()
    assert client.get("/api/reports/?owner=alice").status_code == 200
