"""VC234 link-from-host-header beyond its corpus: the hosts it follows, pins read from another file, the command line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from tests.rules.cli_findings import selected_findings
from vibecheck.rules.auth.link_from_host_header import LinkFromHostHeader
from vibecheck.testing import check_corpus, findings_for

DJANGO_VIEW = """
from django.core.mail import send_mail

def password_reset(request):
    token = request.POST["token"]
    {body}
    send_mail("Password reset", f"Reset it: {{url}}", "noreply@example.com", [request.POST["email"]])
"""


@pytest.mark.parametrize(("body", "reported"), [
    ('url = request.build_absolute_uri(f"/reset/{token}/")', True),
    ('url = f"https://{request.get_host()}/reset/{token}/"', True),
    ('url = "https://" + request.META["HTTP_HOST"] + "/reset/" + token', True),
    ('url = f"https://{request.headers.get(\'Host\')}/reset/{token}/"', True),
    ('url = f"{settings.SITE_URL}/reset/{token}/"', False),
    ('url = f"https://{request.headers.get(\'X-Forwarded-Host\')}/reset/{token}/"', False),
    ('url = f"/reset/{token}/" if request.get_host() == "a" else ""', False),
])
def test_the_hosts_it_follows(body: str, reported: bool) -> None:
    findings = findings_for(LinkFromHostHeader, DJANGO_VIEW.format(body=body))
    assert bool(findings) is reported, [f.message for f in findings]


@pytest.mark.parametrize("corpus", ["cases_pinned.py"])
def test_framework_corpora_are_reported_exactly(corpus: str) -> None:
    result = check_corpus(LinkFromHostHeader, RULES_DIR / "VC234-link-from-host-header" / corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_message_names_the_host_read_and_the_hint_a_configured_base() -> None:
    [finding] = findings_for(LinkFromHostHeader, DJANGO_VIEW.format(body='url = request.build_absolute_uri("/r/")'))
    assert "`request.build_absolute_uri(\"/r/\")`" in finding.message and "Host" in finding.message
    assert finding.hint is not None and "SITE_URL" in finding.hint
    assert finding.cwe == (640, 644)


@pytest.mark.parametrize(("settings", "reported"), [
    (None, False),
    ('ALLOWED_HOSTS = ["shop.example.com"]\n', False),
    ('import os\nALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")\n', False),
    ('ALLOWED_HOSTS = ["*"]\n', True),
])
def test_django_settings_in_another_file_pin_the_host(tmp_path: Path, settings: str | None,
                                                       reported: bool) -> None:
    (tmp_path / "views.py").write_text(textwrap.dedent(DJANGO_VIEW.format(
        body='url = request.build_absolute_uri(f"/reset/{token}/")')), encoding="utf-8")
    if settings is not None:
        (tmp_path / "settings.py").write_text(settings, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC234")
    assert [(f["path"], f["code"]) for f in findings] == ([("views.py", "VC234")] if reported else [])


def test_flask_server_name_in_a_config_module_pins_the_host(tmp_path: Path) -> None:
    corpus = (RULES_DIR / "VC234-link-from-host-header" / "cases.py").read_text(encoding="utf-8")
    flask_only = corpus.split("def password_reset_view")[0]
    (tmp_path / "app.py").write_text(flask_only, encoding="utf-8")
    assert {f["code"] for f in selected_findings(tmp_path, "VC234")} == {"VC234"}
    (tmp_path / "config.py").write_text('SERVER_NAME = "app.example.com"\n', encoding="utf-8")
    assert selected_findings(tmp_path, "VC234") == []


def test_a_django_file_that_lets_every_host_in_reports_its_own_links_whatever_other_files_pin(tmp_path: Path) -> None:
    view = textwrap.dedent(DJANGO_VIEW.format(body='url = request.build_absolute_uri(f"/reset/{token}/")'))
    (tmp_path / "views.py").write_text('from django.conf import settings\nsettings.configure(ALLOWED_HOSTS=["*"])\n'
                                       + view, encoding="utf-8")
    assert [f["code"] for f in selected_findings(tmp_path, "VC234")] == ["VC234"]


SITE_VIEW = """
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import send_mail

def password_reset(request):
    token = request.POST["token"]
    url = f"https://{get_current_site(request).domain}/reset/{token}/"
    send_mail("Password reset", f"Reset it: {url}", "noreply@example.com", [request.POST["email"]])

def invite(request):
    url = f"https://{request.site.domain}/join/{request.POST['token']}/"
    send_mail("Your invitation", url, "noreply@example.com", [request.POST["email"]])

def shown_site(request):
    return {"site": get_current_site(request).name}
"""


@pytest.mark.parametrize(("settings", "reported"), [
    (None, False),
    ('ALLOWED_HOSTS = ["shop.example.com"]\n', False),
    ('ALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = ["django.contrib.auth", "django.contrib.sites"]\nSITE_ID = 1\n', False),
    ('ALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = ["django.contrib.auth"]\n', True),
])
def test_the_current_site_is_the_clients_host_only_without_the_sites_app_and_with_every_host_let_in(
        tmp_path: Path, settings: str | None, reported: bool) -> None:
    (tmp_path / "views.py").write_text(textwrap.dedent(SITE_VIEW), encoding="utf-8")
    if settings is not None:
        (tmp_path / "settings.py").write_text(settings, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC234")
    assert [(f["path"], f["start"]["line"]) for f in findings] == ([("views.py", 7), ("views.py", 11)] if reported else [])
