import pytest
from django.core import mail, signing
from django.urls import reverse

from blog.models import Post, Subscriber
from blog.newsletter import signer

pytestmark = pytest.mark.django_db


@pytest.fixture()
def subscriber() -> Subscriber:
    return Subscriber.objects.create(email="reader@example.com")


def test_unsubscribe_with_a_valid_link(client, subscriber) -> None:
    url = reverse("unsubscribe", kwargs={"token": signer.sign(str(subscriber.pk))})
    assert client.post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.active is False


@pytest.mark.parametrize("token", ["1", "1:forged", signing.TimestampSigner(salt="other").sign("1")])
def test_unsubscribe_refuses_bad_tokens(client, subscriber, token: str) -> None:
    response = client.post(reverse("unsubscribe", kwargs={"token": token}))
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.active is True


def test_only_editors_send(client, reader, published, subscriber) -> None:
    client.force_login(reader)
    response = client.post(reverse("send-issue", kwargs={"slug": published.slug}))
    assert response.status_code == 403
    assert mail.outbox == []


def test_editor_sends_once(client, author, published, subscriber) -> None:
    author.groups.create(name="editors")
    client.force_login(author)
    url = reverse("send-issue", kwargs={"slug": published.slug})
    client.post(url)
    client.post(url)
    assert len(mail.outbox) == 1
    assert "Unsubscribe: https://" in mail.outbox[0].body
    assert Post.objects.get(pk=published.pk).newsletter_recipients == 1
