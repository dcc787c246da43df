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
    from urllib.parse import unquote

    import tornado.web

    from .. import views
    from ..views import BaseHandler


    class BaseApiHandler(BaseHandler):
        def prepare(self):
            self.set_header("Cache-Control", "no-store")
{override}
"""
CONTROL = """
    import sqlite3

    from tornado import web

    from . import BaseApiHandler


    class AddConsumer(BaseApiHandler):
        def post(self, worker):
            if not self.is_worker(worker):
                raise web.HTTPError(404)
            queue = self.get_argument("queue"{keywords})
            {sink}
"""
PAGE = 'self.write(f"<p>Could not add {queue} to {worker}</p>")'
SQL = 'sqlite3.connect("q.db").execute(f"DELETE FROM queues WHERE name = \'{queue}\'")'


def _findings(root: Path, *, escaper: str = "html.escape", keywords: str = "", sink: str = PAGE,
              override: str = "") -> list[str]:
    """The codes reported on the app, whose API base class may `override` a getter (a method's text, dedented)."""
    method = textwrap.indent(textwrap.dedent(override), " " * 8)
    files = {"app/__init__.py": "", "app/views/__init__.py": BASE.replace("{escaper}", escaper),
             "app/api/__init__.py": API.replace("{override}", method),
             "app/api/control.py": CONTROL.replace("{keywords}", keywords).replace(
                 "{sink}", textwrap.indent(textwrap.dedent(sink), " " * 12).lstrip())}
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


# Values that hold client data besides what the escaping getter read: reported, whichever part comes first.
@pytest.mark.parametrize("sink", [
    'self.write(f"<p>{queue}{self.request.body}</p>")',
    """
    page = f"<p>{queue}</p>" + self.get_cookie("theme", "")
    self.write(page)
    """,
    'self.write("<p>{}{}</p>".format(queue, self.request.query))',
    'self.write(queue.replace("*", self.request.uri))',
    """
    parts = [queue]
    parts.append(self.request.body.decode())
    self.finish("".join(parts))
    """,
    """
    if worker == "all":
        label = queue
    else:
        label = self.request.headers["X-Label"]
    self.write(f"<b>{label}</b>")
    """,
    'self.write(f"<p>{queue}{self.get_argument(\'note\', escape=False)}</p>")',
    'self.write(f"<p>{queue}{self.get_arguments(\'tag\')}</p>")',
])
def test_a_value_with_other_client_data_is_reported(tmp_path: Path, sink: str) -> None:
    assert _findings(tmp_path, sink=sink) == ["VC411"]


def test_an_unchecked_path_argument_beside_the_escaped_read_is_reported(tmp_path: Path) -> None:
    assert _findings(tmp_path, sink='self.write(f"<p>{queue} to {self.request.path}</p>")') == ["VC411"]


@pytest.mark.parametrize("sink", [
    'self.write(f"<p>{queue}: {self.get_argument(\'note\')}</p>")',
    """
    label = queue if worker else self.get_argument("fallback")
    self.write(f"<b>{label}</b>" + str(len(queue)))
    """,
])
def test_a_value_read_only_through_escaping_getters_is_no_xss(tmp_path: Path, sink: str) -> None:
    assert _findings(tmp_path, sink=sink) == []


# A nearer override of the getter, between the handler and the escaping base.
@pytest.mark.parametrize("override", [
    """
    def get_argument(self, name, default=None, strip=True, **kwargs):
        return super().get_argument(name, default, strip, **kwargs)
    """,
    """
    def get_argument(self, name, *args, **kwargs):
        value = super(BaseApiHandler, self).get_argument(name, *args, **kwargs)
        return value
    """,
])
def test_an_override_that_returns_the_escaping_base_result_stays_escaped(tmp_path: Path, override: str) -> None:
    assert _findings(tmp_path, override=override) == []


# A nearer override that calls a named class's getter with `self` instead of `super()`'s: the escaping base's, however
# the module spells it, hands back escaped text.
@pytest.mark.parametrize("override", [
    """
    def get_argument(self, name, default=None, strip=True):
        return BaseHandler.get_argument(self, name, default, strip)
    """,
    """
    def get_argument(self, name, *args, **kwargs):
        value = views.BaseHandler.get_argument(self, name, *args, **kwargs)
        return value
    """,
])
def test_an_override_that_calls_the_escaping_base_by_name_stays_escaped(tmp_path: Path, override: str) -> None:
    assert _findings(tmp_path, override=override) == []


# ... while one that names a class past the escaping base (Tornado's own getter), names its own class, or turns the
# escaping off hands back raw text.
@pytest.mark.parametrize("override", [
    """
    def get_argument(self, name, default=None, strip=True):
        return tornado.web.RequestHandler.get_argument(self, name, default, strip)
    """,
    """
    def get_argument(self, name, default=None):
        return BaseApiHandler.get_argument(self, name, default)
    """,
    """
    def get_argument(self, name, default=None):
        return BaseHandler.get_argument(self, name, default, escape=False)
    """,
    """
    def get_argument(self, name, default=None):
        value = BaseHandler.get_argument(self, name, default)
        if name == "raw":
            value = tornado.web.RequestHandler.get_argument(self, name, default)
        return value
    """,
    """
    def get_argument(self, name, default=None):
        if name == "raw":
            return tornado.web.RequestHandler.get_argument(self, name, default)
        return BaseHandler.get_argument(self, name, default)
    """,
    """
    def get_argument(self, name, default=None):
        return BaseHandler.get_argument(name, default)
    """,
])
def test_an_override_that_calls_a_raw_getter_by_name_is_reported(tmp_path: Path, override: str) -> None:
    assert _findings(tmp_path, override=override) == ["VC411"]


@pytest.mark.parametrize("override", [
    """
    def get_argument(self, name, default=None, strip=True):
        return self.request.arguments[name][0].decode()
    """,
    """
    def get_argument(self, name, default=None, strip=True):
        return super().get_argument(name, default, strip, escape=False)
    """,
    """
    def get_argument(self, name, default=None):
        value = super().get_argument(name, default)
        value = unquote(value)
        return value
    """,
    """
    def get_argument(self, name, default=None):
        value = super().get_argument(name, default)
        if value:
            return value
    """,
])
def test_an_override_that_returns_raw_text_is_reported(tmp_path: Path, override: str) -> None:
    assert _findings(tmp_path, override=override) == ["VC411"]


def test_a_read_that_turns_off_a_switch_of_the_nearer_override_is_reported(tmp_path: Path) -> None:
    override = """
    def get_argument(self, name, default=None, escape=True):
        return super().get_argument(name, default, escape=escape)
    """
    assert _findings(tmp_path, override=override, keywords=", escape=False") == ["VC411"]
    assert _findings(tmp_path / "kept", override=override) == []
