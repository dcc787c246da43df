from unittest.mock import patch

import admin_app
import store


def test_check_login():
    # ok: VC304/VC310
    assert admin_app.check_login("admin", admin_app.ADMIN_PASSWORD) is True
    assert admin_app.check_login("admin", "wrong") is False


def test_reset_password_sends_mail():
    with patch.object(store, "create_reset_token", return_value="123456"), patch("admin_app.mailer") as mailer:
        msg = admin_app.reset_password(5.0, "a@example.com")
    # expect: VC310
    assert msg
    mailer.send_reset_email.assert_called_once_with("a@example.com", "123456")


# expect: VC303
def test_search_users():
    with patch.object(store, "find_users", return_value=[]):
        admin_app.search("bob", "", "")


def test_user_card_escapes():
    # ok: VC304
    assert "&lt;b&gt;" in admin_app.safe_user_card("<b>")


def test_deactivate():
    with patch.object(store, "deactivate") as fake:
        # expect: VC304
        assert admin_app.deactivate(3.0) == admin_app.deactivate(3.0)
        fake.assert_called()
