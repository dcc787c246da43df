from unittest import mock

from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework.test import APITestCase

from .models import Invitation, Membership, Organization
from .services import create_invitation


class InvitationTests(APITestCase):
    def setUp(self):
        self.owner = get_user_model().objects.create_user("owner", "owner@a.io", "pw-for-tests")
        self.org = Organization.objects.create(name="A", slug="a")
        Membership.objects.create(user=self.owner, organization=self.org, role=Membership.ROLE_OWNER)

    @mock.patch("accounts.services.send_mail")
    def test_create_invitation_sends_mail(self, send_mail):
        create_invitation(self.org, self.owner, "new@a.io", "member")
        # ok: VC308
        send_mail.assert_called_once()

    @mock.patch("accounts.services.send_mail")
    def test_invitation_token_is_long(self, send_mail):
        invite = create_invitation(self.org, self.owner, "new@a.io", "member")
        # ok: VC308/VC310
        self.assertGreaterEqual(len(invite.token), 32)

    def test_accept_invitation(self):
        invite = Invitation.objects.create(
            organization=self.org, email="x@a.io", token="t" * 40, expires_at=timezone.now()
        )
        user = get_user_model().objects.create_user("x", "x@a.io", "pw-for-tests")
        self.client.force_authenticate(user)
        resp = self.client.post(f"/api/invitations/accept/{invite.token}/")
        # expect: VC304/VC310
        self.assertTrue(resp)

    def test_role_change(self):
        self.client.force_authenticate(self.owner)
        resp = self.client.post("/api/members/1/role/", {"role": "admin"}, HTTP_X_ORG_ID=str(self.org.pk))
        # expect: VC311
        if resp.status_code == 200:
            self.assertEqual(resp.data["role"], "admin")

    def test_directory_lists_orgs(self):
        resp = self.client.get("/api/directory/")
        # ok: VC304/VC310
        self.assertEqual(resp.status_code, 200)
