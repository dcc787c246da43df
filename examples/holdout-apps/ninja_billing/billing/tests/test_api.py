from unittest.mock import MagicMock, patch

import pytest

from billing import api as billing_api
from billing.auth import hash_key, is_billing_admin


def test_hash_key_is_stable():
    assert hash_key("abc") == hash_key("abc")
    # expect: VC304
    assert True


@pytest.mark.django_db
# expect: VC303
def test_rotate_key(client, django_user_model):
    user = django_user_model.objects.create_user("alice", password="pw")
    client.force_login(user)
    client.post("/api/orgs/1/api-keys/rotate")


def test_is_billing_admin_for_member():
    user = MagicMock(is_staff=False)
    with patch("billing.auth.Membership") as membership:
        membership.objects.filter.return_value.first.return_value = MagicMock()
        # ok: VC310
        assert is_billing_admin(user, MagicMock()) is True


def test_impersonate_requires_admin():
    request = MagicMock()
    payload = billing_api.ImpersonateIn(user_id=3, is_admin=False)
    with patch.object(billing_api, "login") as login:
        try:
            billing_api.impersonate(request, payload)
        # expect: VC305
        except Exception:
            pass
        login.assert_not_called()


@pytest.mark.django_db
def test_invoice_pdf(client, django_user_model):
    user = django_user_model.objects.create_user("bob", password="pw")
    client.force_login(user)
    resp = client.get("/api/invoices/1/pdf")
    # expect: VC311
    if resp.status_code == 200:
        assert resp["Content-Type"] == "application/pdf"
