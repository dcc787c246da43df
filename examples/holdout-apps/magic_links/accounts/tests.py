from unittest.mock import patch

from django.contrib.auth import get_user_model
from django.test import TestCase

from . import tokens
from .models import MagicLink, PasswordReset

User = get_user_model()


class ResetFlowTests(TestCase):
    def setUp(self):
        self.user = User.objects.create_user("ada", "ada@example.com", "old-password-1")

    def test_reset_request_sends_mail(self):
        with patch("accounts.views.send_link") as send:
            self.client.post("/reset/", {"email": "ada@example.com"})
        # ok: VC308
        send.assert_called_once()
        self.assertEqual(send.call_args.args[0], "ada@example.com")

    def test_reset_changes_password(self):
        reset = PasswordReset.objects.create(user=self.user, token="t" * 40)
        resp = self.client.post(f"/reset/{self.user.pk}/{reset.token}/", {"password": "new-password-2"})
        self.assertEqual(resp.status_code, 302)
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password("new-password-2"))

    def test_reset_token_shape(self):
        token = tokens.reset_token()
        # expect: VC310
        self.assertTrue(token)


class MagicLinkTests(TestCase):
    def setUp(self):
        self.user = User.objects.create_user("grace", "grace@example.com", "pw-123456")

    def test_magic_link_logs_in(self):
        MagicLink.objects.create(user=self.user, token="abc")
        resp = self.client.get("/magic/login/?token=abc")
        # expect: VC310/VC304
        self.assertTrue(resp)

    def test_signed_link_round_trip(self):
        signed = tokens.sign_login(self.user.pk)
        self.assertEqual(tokens.read_login_timed(signed), {"uid": self.user.pk})

    def test_tampered_link_rejected(self):
        try:
            tokens.read_login("garbage")
        # expect: VC305
        except Exception:
            pass
