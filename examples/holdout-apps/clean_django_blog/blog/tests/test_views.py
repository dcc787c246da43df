import pytest
from django.urls import reverse

from blog.models import Bookmark, Post

pytestmark = pytest.mark.django_db


def test_drafts_are_hidden_from_other_users(client, reader, draft) -> None:
    client.force_login(reader)
    response = client.get(reverse("post-detail", kwargs={"slug": draft.slug}))
    assert response.status_code == 404


def test_author_sees_own_draft(client, author, draft) -> None:
    client.force_login(author)
    response = client.get(reverse("post-detail", kwargs={"slug": draft.slug}))
    assert response.status_code == 200
    assert response.context["post"] == draft


def test_only_author_can_edit(client, reader, published) -> None:
    client.force_login(reader)
    response = client.post(reverse("post-update", kwargs={"slug": published.slug}), {"title": "x", "body": "y"})
    assert response.status_code == 404
    published.refresh_from_db()
    assert published.title == "Hello"


def test_author_cannot_be_forged_on_create(client, author, reader) -> None:
    client.force_login(reader)
    client.post(reverse("post-create"), {"title": "Mine", "body": "text", "author": author.pk, "status": "published"})
    post = Post.objects.get(title="Mine")
    assert post.author == reader
    assert post.status == Post.Status.DRAFT


@pytest.mark.parametrize("sort", ["new", "old", "title", "-id; DROP TABLE blog_post", ""])
def test_sort_parameter_never_errors(client, published, sort: str) -> None:
    response = client.get(reverse("post-list"), {"sort": sort})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [published]


def test_bookmark_toggles(client, reader, published) -> None:
    client.force_login(reader)
    url = reverse("post-bookmark", kwargs={"slug": published.slug})
    client.post(url)
    assert Bookmark.objects.filter(user=reader, post=published).count() == 1
    client.post(url)
    assert not Bookmark.objects.filter(user=reader, post=published).exists()


def test_stats_count_only_own_posts(client, author, reader, published) -> None:
    Post.objects.create(author=reader, title="Other", body="b", status=Post.Status.PUBLISHED)
    client.force_login(author)
    response = client.get(reverse("author-stats"))
    assert [count for _, count in response.context["rows"]] == [1]


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [("/drafts/", "/drafts/"), ("https://evil.example/", "/"), ("//evil.example", "/")],
)
def test_follow_redirects_only_to_this_site(client, reader, author, next_url: str, expected: str) -> None:
    client.force_login(reader)
    response = client.post(reverse("follow-author", kwargs={"username": author.username}), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_newsletter_hook_needs_a_signature(client, published) -> None:
    response = client.post("/hooks/newsletter/", data=b'{"post": "hello", "opens": 5}', content_type="application/json")
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.newsletter_opens == 0
