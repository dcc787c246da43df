import pytest
from rest_framework.test import APIClient

from blog.models import Post

pytestmark = pytest.mark.django_db


@pytest.fixture()
def api() -> APIClient:
    return APIClient()


def test_anonymous_gets_403(api, published) -> None:
    assert api.get("/api/posts/").status_code == 403


def test_reader_cannot_delete(api, reader, published) -> None:
    api.force_authenticate(reader)
    assert api.delete(f"/api/posts/{published.slug}/").status_code == 403
    assert Post.objects.filter(pk=published.pk).exists()


def test_create_sets_author_from_session(api, author, reader) -> None:
    api.force_authenticate(reader)
    response = api.post("/api/posts/", {"title": "API", "body": "b", "author": author.username}, format="json")
    assert response.status_code == 201
    assert response.json()["author"] == "bea"


def test_drafts_of_others_are_invisible(api, reader, draft) -> None:
    api.force_authenticate(reader)
    assert api.get(f"/api/posts/{draft.slug}/").status_code == 404
