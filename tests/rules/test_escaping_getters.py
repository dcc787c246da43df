"""VC411 and a project's Tornado base handler whose argument getters HTML-escape what they return (flower's
`BaseHandler.get_argument`): a handler deriving from it, through any module, writes escaped text into its page. The
text stays client input for the other sinks (SQL), and a getter that does not escape, or a read that turns the
escaping off, is still reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from vibecheck.api import check_paths
from vibecheck.config import Settings

BASE = """
    import html

    import tornado.web


    class BaseHandler(tornado.web.RequestHandler):
        def get_argument(self, name, default=None, strip=True, escape=True):
            value = super().get_argument(name, default, strip)
            if escape and isinstance(value, str):
                value = {escaper}(value)
            return value
"""
API = """
    from ..views import BaseHandler


    class BaseApiHandler(BaseHandler):
        def prepare(self):
            self.set_header("Cache-Control", "no-store")
"""
CONTROL = """
    import sqlite3

    from tornado import web

    from . import BaseApiHandler


    class AddConsumer(BaseApiHandler):
        def post(self, worker):
            if not worker:
                raise web.HTTPError(404)
            queue = self.get_argument("queue"{keywords})
            {sink}
"""
PAGE = 'self.write(f"<p>Could not add {queue} to {worker}</p>")'
SQL = 'sqlite3.connect("q.db").execute(f"DELETE FROM queues WHERE name = \'{queue}\'")'


def _findings(root: Path, *, escaper: str = "html.escape", keywords: str = "", sink: str = PAGE) -> list[str]:
    files = {"app/__init__.py": "", "app/views/__init__.py": BASE.replace("{escaper}", escaper),
             "app/api/__init__.py": API,
             "app/api/control.py": CONTROL.replace("{keywords}", keywords).replace("{sink}", sink)}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=("VC411", "VC402"), cache=False,
                                               no_bandit=True))
    return sorted(f.code for f in report.findings)


@pytest.mark.parametrize("escaper", ["html.escape", "tornado.escape.xhtml_escape"])
def test_a_read_through_an_escaping_base_getter_is_no_xss(tmp_path: Path, escaper: str) -> None:
    assert _findings(tmp_path, escaper=escaper) == []


def test_a_base_getter_that_does_not_escape_leaves_the_finding(tmp_path: Path) -> None:
    assert _findings(tmp_path, escaper="str.strip") == ["VC411"]


def test_a_read_that_turns_the_escaping_off_is_reported(tmp_path: Path) -> None:
    assert _findings(tmp_path, keywords=", escape=False") == ["VC411"]


def test_escaped_text_is_still_client_input_for_sql(tmp_path: Path) -> None:
    assert _findings(tmp_path, sink=SQL) == ["VC402"]


def test_a_handler_outside_the_escaping_base_is_reported(tmp_path: Path) -> None:
    (tmp_path / "app/api").mkdir(parents=True)
    (tmp_path / "app/api/plain.py").write_text(textwrap.dedent("""
        import tornado.web


        class AddConsumer(tornado.web.RequestHandler):
            def post(self, worker):
                queue = self.get_argument("queue")
                self.write(f"<p>Could not add {queue} to {worker}</p>")
    """), encoding="utf-8")
    assert _findings(tmp_path) == ["VC411"]
