import pytest
from django.contrib.auth import get_user_model

from blog.models import Post


@pytest.fixture()
def author(db):
    # ok: VC403
    return get_user_model().objects.create_user("ada", password="a-long-test-password")


@pytest.fixture()
def reader(db):
    # ok: VC403
    return get_user_model().objects.create_user("bea", password="another-test-password")


@pytest.fixture()
def draft(author) -> Post:
    return Post.objects.create(author=author, title="Work in progress", body="not yet")


@pytest.fixture()
def published(author) -> Post:
    return Post.objects.create(author=author, title="Hello", body="<p>hi</p>", status=Post.Status.PUBLISHED)
