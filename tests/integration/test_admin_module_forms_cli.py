"""A ModelForm named for the admin that the app's `admin.py` names (through `get_form` or a setting's getter) is edited
by staff only: VC215 leaves its `fields = "__all__"` alone; the same form that no admin module names is reported."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

FORMS = """
    from django import forms

    from .models import Invitation


    class InvitationAdminChangeForm(forms.ModelForm):
        class Meta:
            model = Invitation
            fields = "__all__"
"""
ADMIN = """
    from django.contrib import admin

    from .utils import get_invitation_admin_change_form

    InvitationAdminChangeForm = get_invitation_admin_change_form()


    class InvitationAdmin(admin.ModelAdmin):
        def get_form(self, request, obj=None, **kwargs):
            kwargs["form"] = InvitationAdminChangeForm
            return super().get_form(request, obj, **kwargs)
"""


def findings(root: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["check", "--format", "concise", "--no-bandit", "--no-cache", "--quiet", "--jobs", "1",
                                      "--select", "VC215", str(root)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return [line.split()[1] for line in result.stdout.splitlines() if line.strip()]


def test_an_admin_form_the_admin_module_names_is_left_alone(tmp_path: Path) -> None:
    write(tmp_path, {"invitations/__init__.py": "", "invitations/forms.py": FORMS, "invitations/admin.py": ADMIN})
    assert findings(tmp_path) == []


def test_an_admin_named_form_no_admin_module_names_is_reported(tmp_path: Path) -> None:
    write(tmp_path, {"invitations/__init__.py": "", "invitations/forms.py": FORMS,
                     "invitations/admin.py": ADMIN.replace("InvitationAdminChangeForm", "ChangeForm")})
    assert findings(tmp_path) == ["VC215"]
