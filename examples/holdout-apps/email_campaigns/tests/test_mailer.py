from unittest.mock import MagicMock, patch

from campaigns import mailer, unsubscribe


def test_render_body_personalises():
    html = mailer.render_body_sandboxed("<p>Hi {{ subscriber.name }}</p>", {"name": "Ada"}, "#")
    assert html == "<p>Hi Ada</p>"


def test_build_message_headers():
    msg = mailer.build_message("ada@example.com", "Hello", "<p>x</p>", "https://news.example.com/u/abc")
    assert msg["To"] == "ada@example.com"
    assert msg["List-Unsubscribe"] == "<https://news.example.com/u/abc>"


def test_send_uses_smtp():
    with patch("campaigns.mailer.smtplib.SMTP") as smtp_cls:
        mailer.send(mailer.build_message("ada@example.com", "Hello", "<p>x</p>", "#"))
    # expect: VC303/VC304
    smtp_cls.return_value.__enter__.return_value.send_message.assert_called


# expect: VC308
def test_send_contact():
    fake = MagicMock()
    with patch.object(mailer, "send_contact", fake):
        mailer.send_contact("ada@example.com", "Question", "Hi there")
    fake.assert_called_once_with("ada@example.com", "Question", "Hi there")


def test_unsubscribe_token_round_trip():
    token = unsubscribe.unsubscribe_token("Ada@Example.com")
    # ok: VC304
    assert unsubscribe.unsubscribe_token_ok("ada@example.com", token)


def test_signed_unsubscribe():
    token = unsubscribe.signed_unsubscribe(42)
    # expect: VC310
    assert unsubscribe.read_signed_unsubscribe(token)
