"""VC301/VC302: code a test names without running it: subcommands no test invokes, tests that are always skipped, and
route patterns no request matches."""

from __future__ import annotations

from pathlib import Path

from tests.rules.test_untested_code import write_project
from vibecheck.model import Finding
from vibecheck.rules.verification.module_without_tests import ModuleWithoutTests
from vibecheck.rules.verification.no_tests import NoTests
from vibecheck.rules.verification.untested_public_function import UntestedPublicFunction
from vibecheck.testing import project_findings

PROJECT_RULES = [UntestedPublicFunction, ModuleWithoutTests, NoTests]


def reported(findings: list[Finding], code: str) -> list[str]:
    return sorted(f.message.split("`")[1] for f in findings if f.code == code)


CLI = {
    "pyproject.toml": "[project]\nname = 'notes'\n",
    "notes/__init__.py": "",
    "notes/cli.py": """
        import click

        @click.group()
        def cli():
            pass

        @cli.command("list")
        def list_notes():
            click.echo("a")

        @cli.command()
        def sync_all():
            click.echo("synced")

        @cli.command()
        def export_cmd():
            click.echo("exported")

        @cli.command()
        def prune():
            click.echo("pruned")

        @cli.command(name="purge-cache")
        def purge():
            click.echo("purged")

        @cli.group()
        def db():
            pass

        @db.command()
        def migrate():
            click.echo("migrated")
    """,
    "notes/single.py": """
        import typer

        app = typer.Typer()

        @app.command()
        def main(name: str):
            print(name)
    """,
    "tests/test_cli.py": """
        import subprocess

        from click.testing import CliRunner
        from typer.testing import CliRunner as TyperRunner

        from notes.cli import cli
        from notes.single import app

        def test_list():
            assert CliRunner().invoke(cli, ["list"]).output == "a\\n"

        def test_sync_all():
            assert CliRunner().invoke(cli, ["sync-all"]).exit_code == 0

        def test_export_through_the_installed_script():
            assert subprocess.run(["notes", "export"], capture_output=True).returncode == 0

        def test_help():
            assert "Usage" in CliRunner().invoke(cli, ["--help"]).output

        def test_single_command_app_runs_unnamed():
            assert TyperRunner().invoke(app, ["ann"]).output == "ann\\n"
    """,
}


def test_a_subcommand_counts_as_tested_when_a_test_runs_it_by_name(tmp_path: Path) -> None:
    """`invoke(cli, ["sync-all"])` runs `sync_all`; click 8.2 drops `_cmd` (`export`); the explicit `name=` is the only
    name `purge` answers to; a group's lone command runs by name too (`db migrate`), but typer runs an app's lone
    command without it."""
    findings = project_findings(write_project(tmp_path, CLI), PROJECT_RULES)
    assert reported(findings, "VC301") == ["notes.cli.migrate", "notes.cli.prune", "notes.cli.purge"]


def test_a_subcommand_named_by_a_test_or_through_its_group(tmp_path: Path) -> None:
    files = dict(CLI)
    files["tests/test_more.py"] = """
        from click.testing import CliRunner

        from notes.cli import cli, prune

        def test_prune_directly():
            assert CliRunner().invoke(prune).exit_code == 0

        def test_migrate():
            assert CliRunner().invoke(cli, ["db", "migrate"]).exit_code == 0

        def test_purge():
            assert CliRunner().invoke(cli, ["purge-cache"]).exit_code == 0
    """
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == []


SKIPPED = {
    "pyproject.toml": "[project]\nname = 'pay'\n",
    "pay/__init__.py": "",
    "pay/payouts.py": "def payable(balances):\n    return balances\n",
    "pay/fees.py": """
        def flat_fee(amount):
            return 30

        def international_fee(amount):
            return 80

        def sandbox_fee(amount):
            return 0
    """,
    "pay/legacy.py": "def convert(amount):\n    return amount\n",
    "pay/ledger.py": "def post(entry):\n    return [entry]\n",
    "tests/test_payouts.py": """
        import pytest

        from pay.payouts import payable

        @pytest.mark.skip(reason="payouts move to the new API")
        def test_payable():
            assert payable({"a": 1}) == {"a": 1}
    """,
    "tests/test_fees.py": """
        import os
        import unittest

        import pytest
        from pytest import mark

        from pay.fees import flat_fee, international_fee, sandbox_fee

        def test_flat():
            assert flat_fee(100) == 30

        @mark.skip
        def test_international():
            assert international_fee(100) == 80

        @pytest.mark.skipif(not os.environ.get("SANDBOX"), reason="needs the sandbox")
        def test_sandbox():
            assert sandbox_fee(1) == 0

        @unittest.skip("flaky")
        class FeeCases(unittest.TestCase):
            def test_flat_again(self):
                self.assertEqual(flat_fee(1), 30)
    """,
    "tests/test_legacy.py": """
        import pytest

        from pay.legacy import convert

        pytestmark = [pytest.mark.skip(reason="legacy API")]

        def test_convert():
            assert convert(1) == 1
    """,
    "tests/test_ledger.py": """
        import pytest

        from pay.ledger import post

        @pytest.mark.xfail(reason="rounding")
        def test_post():
            assert post(1) == [1]
    """,
}


def test_what_only_skipped_tests_name_is_not_tested(tmp_path: Path) -> None:
    """An always-skipped test (`@pytest.mark.skip`, `@mark.skip`, `@unittest.skip(...)`, a module's `pytestmark`)
    never runs; `skipif` and `xfail` run somewhere, so what they name counts."""
    findings = project_findings(write_project(tmp_path, SKIPPED), PROJECT_RULES)
    assert reported(findings, "VC302") == ["pay.legacy", "pay.payouts"]
    assert reported(findings, "VC301") == ["pay.fees.international_fee"]


def test_a_module_level_skip_skips_the_whole_file(tmp_path: Path) -> None:
    files = dict(SKIPPED)
    files["tests/test_ledger.py"] = """
        import pytest

        from pay.ledger import post

        pytest.skip("ledger moved", allow_module_level=True)

        def test_post():
            assert post(1) == [1]
    """
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert "pay.ledger" in reported(findings, "VC302")


DJANGO = {
    "pyproject.toml": "[project]\nname = 'shop'\n",
    "manage.py": "import django\n",
    "shop/__init__.py": "",
    "shop/urls.py": """
        from django.urls import include, path

        urlpatterns = [path("billing/", include("billing.urls"))]
    """,
    "billing/__init__.py": "",
    "billing/apps.py": """
        from django.apps import AppConfig

        class BillingConfig(AppConfig):
            name = "billing"
    """,
    "billing/urls.py": """
        from django.urls import path

        from billing import views

        urlpatterns = [path("<int:pk>/", views.invoice_detail, name="invoice")]
    """,
    "billing/views.py": """
        from django.http import JsonResponse

        def invoice_detail(request, pk):
            return JsonResponse({"pk": pk})
    """,
    "billing/management/__init__.py": "",
    "billing/management/commands/__init__.py": "",
    "billing/management/commands/close_books.py": """
        from django.core.management.base import BaseCommand

        class Command(BaseCommand):
            def handle(self, *args, **options):
                self.stdout.write("closed")
    """,
    "billing/tests.py": """
        from django.core.management import call_command
        from django.test import TestCase

        class CommandTests(TestCase):
            def test_close_books(self):
                call_command("close_books")
                self.assertTrue(True)
    """,
}


def test_a_command_a_test_runs_is_no_request_for_a_route(tmp_path: Path) -> None:
    """`call_command("close_books")` runs the command; it requests no URL, though a route `<int:pk>/` matches any last
    path segment."""
    findings = project_findings(write_project(tmp_path, DJANGO), PROJECT_RULES)
    assert reported(findings, "VC302") == ["billing.views"]
    files = dict(DJANGO)
    files["billing/tests.py"] += '''
            def test_invoice(self):
                self.assertEqual(self.client.get("/billing/7/").json(), {"pk": 7})
    '''
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC302") == []


JOBS = {
    "pyproject.toml": "[project]\nname = 'jobs'\n",
    "jobs/__init__.py": "",
    "jobs/runs.py": """
        class SyncJob:
            def run(self):
                return "synced"

        class NightlyJob(SyncJob):
            def run(self):
                return "nightly"

        class PruneJob:
            def run(self):
                return "pruned"

            def dry_run(self):
                return []
    """,
    "tests/test_sync.py": """
        from jobs.runs import SyncJob

        def test_sync():
            assert SyncJob().run() == "synced"
    """,
}


def test_a_shared_method_name_counts_for_the_class_the_test_names(tmp_path: Path) -> None:
    """The test names `SyncJob` and calls `run`: `PruneJob.run` beside it is not run (its class is reported once);
    `NightlyJob.run` overrides the method the test calls, so a `SyncJob` there may run it."""
    findings = project_findings(write_project(tmp_path, JOBS), PROJECT_RULES)
    assert reported(findings, "VC301") == ["jobs.runs.PruneJob"]


def test_a_shared_method_name_counts_when_the_test_names_no_class(tmp_path: Path) -> None:
    """A fixture hands the test its object: the name alone cannot tell which `run` it calls, so both count."""
    files = dict(JOBS)
    files["tests/conftest.py"] = """
        import pytest

        from jobs.runs import PruneJob

        @pytest.fixture
        def job():
            return PruneJob()
    """
    files["tests/test_prune.py"] = """
        def test_prune(job):
            assert job.run() == "pruned"
    """
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["jobs.runs.PruneJob.dry_run"]
