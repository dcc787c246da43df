from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APITestCase

from bookmarks.models import Bookmark
from bookmarks.serializers import BookmarkSerializer


class BookmarkApiTests(APITestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("bo", password="pw-for-tests")
        self.other = get_user_model().objects.create_user("cy", password="pw-for-tests")
        self.client.force_authenticate(self.user)

    def test_create_sets_owner(self):
        resp = self.client.post("/bookmarks/", {"url": "https://example.com", "title": "Ex"}, format="json")
        self.assertEqual(resp.status_code, status.HTTP_201_CREATED)
        self.assertEqual(Bookmark.objects.get(pk=resp.data["id"]).owner, self.user)

    def test_list_only_own(self):
        Bookmark.objects.create(owner=self.other, url="https://b.example", title="theirs")
        mine = Bookmark.objects.create(owner=self.user, url="https://a.example", title="mine")
        resp = self.client.get("/bookmarks/")
        self.assertEqual([b["id"] for b in resp.data], [mine.id])

    def test_cannot_read_others_bookmark(self):
        theirs = Bookmark.objects.create(owner=self.other, url="https://b.example", title="theirs")
        resp = self.client.get(f"/bookmarks/{theirs.pk}/")
        # ok: VC310
        self.assertEqual(resp.status_code, 404)

    # expect: VC303
    def test_archive(self):
        b = Bookmark.objects.create(owner=self.user, url="https://a.example", title="a")
        self.client.post(f"/bookmarks/{b.pk}/archive/")

    def test_filter_by_tag(self):
        Bookmark.objects.create(owner=self.user, url="https://a.example", title="a", tags="python, django")
        resp = self.client.get("/bookmarks/", {"tag": "django"})
        # expect: VC310
        self.assertTrue(resp.data)

    def test_anonymous_is_rejected(self):
        self.client.force_authenticate(None)
        resp = self.client.get("/bookmarks/")
        self.assertIn(resp.status_code, {401, 403})

    def test_blank_title_rejected(self):
        resp = self.client.post("/bookmarks/", {"url": "https://x.example", "title": "  "}, format="json")
        self.assertEqual(resp.status_code, 400)
        self.assertIn("title", resp.json())

    def test_delete_bookmark(self):
        b = Bookmark.objects.create(owner=self.user, url="https://a.example", title="a")
        resp = self.client.delete(f"/bookmarks/{b.pk}/")
        # expect: VC311
        if resp.status_code == 204:
            self.assertFalse(Bookmark.objects.filter(pk=b.pk).exists())


@pytest.mark.django_db
def test_create_via_fixture(api, user):
    resp = api.post(reverse("bookmark-list"), {"url": "https://z.example", "title": "Z", "tags": "a,b"}, format="json")
    # expect: VC304/VC310
    assert resp


@pytest.mark.django_db
def test_tag_list_property(user):
    b = Bookmark.objects.create(owner=user, url="https://a.example", title="a", tags=" x, ,y ")
    assert b.tag_list() == ["x", "y"]


@pytest.mark.django_db
def test_update_title(api, user):
    b = Bookmark.objects.create(owner=user, url="https://a.example", title="old")
    resp = api.patch(f"/bookmarks/{b.pk}/", {"title": "new"}, format="json")
    b.refresh_from_db()
    # ok: VC304
    assert b.title == resp.data["title"] == "new"


@pytest.mark.django_db
def test_list_status(api):
    # expect: VC304
    assert api.get("/bookmarks/").status_code == api.get("/bookmarks/").status_code


def test_serializer_strips_title():
    s = BookmarkSerializer(data={"url": "https://a.example", "title": "  Hi  "})
    # ok: VC310
    assert s.is_valid(), s.errors
    assert s.validated_data["title"] == "Hi"


# expect: VC308
def test_serializer_save_is_called():
    with mock.patch.object(BookmarkSerializer, "save") as save:
        save.return_value = Bookmark(title="x")
        assert save().title == "x"


@pytest.mark.django_db
def test_archive_action_saves_only_flag(api, user):
    b = Bookmark.objects.create(owner=user, url="https://a.example", title="a")
    with mock.patch.object(Bookmark, "save", autospec=True) as save:
        resp = api.post(f"/bookmarks/{b.pk}/archive/")
    assert resp.status_code == 200
    # ok: VC308
    save.assert_called_once_with(mock.ANY, update_fields=["archived"])


@pytest.mark.django_db
def test_bulk_import(api):
    try:
        resp = api.post("/bookmarks/", [{"url": "https://a.example", "title": "a"}], format="json")
        assert resp.status_code == 201
    # expect: VC305
    except AssertionError:
        pass


# expect: VC306
@pytest.mark.skip()
@pytest.mark.django_db
def test_pagination(api):
    assert "next" in api.get("/bookmarks/").json()


# ok: VC306
@pytest.mark.skip(reason="pagination lands with the v2 router")
@pytest.mark.django_db
def test_pagination_page_size(api):
    assert len(api.get("/bookmarks/?page=2").json()["results"]) == 20
