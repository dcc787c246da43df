"""A search form's POST (FlaskBB's `Search.post`): it builds and checks the form, reads records with the ORM's query API
and renders the results. VC201 leaves it (it changes nothing); VC219 judges it as the read it is. A POST that also
deletes, adds to the session or posts to another service stays a write."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from vibecheck.api import check_paths
from vibecheck.config import Settings

VIEWS = """
    import requests
    from flask import Flask, render_template, request
    from flask_login import login_required

    from .forms import SearchForm
    from .models import Post, User, db

    app = Flask(__name__)


    @app.route("/account", methods=["POST"])
    @login_required
    def account():
        return render_template("account.html")


    @app.route("/search", methods=["GET", "POST"])
    def search():
        form = SearchForm(request.form)
        if form.validate_on_submit():
            posts = Post.query.filter(Post.title.contains(form.q.data)).order_by(Post.id.desc()).all()
            {action}
            return render_template("results.html", posts=posts, form=form)
        return render_template("search.html", form=form, q=request.args.get("q", ""))
"""


def _findings(root: Path, action: str, path: str = "/search") -> list[tuple[str, str]]:
    files = {"site/__init__.py": "", "site/forms.py": "class SearchForm:\n    pass\n",
             "site/models.py": "Post = User = db = None\n",
             "site/views.py": textwrap.dedent(VIEWS).replace("{action}", action).replace('"/search"', f'"{path}"')}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=("VC201", "VC219"), cache=False,
                                               no_bandit=True))
    return sorted((f.code, f.line_text.strip()) for f in report.findings)


def test_a_search_form_post_that_only_reads_is_no_state_change(tmp_path: Path) -> None:
    assert _findings(tmp_path, "pass") == []


@pytest.mark.parametrize("action", [
    "Post.query.filter_by(draft=True).delete()",
    "db.session.add(Post(title=form.q.data))",
    "db.session.commit()",
    "posts[0].save()",
    'requests.post("https://audit.example.com", json={"q": form.q.data})',
])
def test_a_search_form_post_that_also_writes_is_reported(tmp_path: Path, action: str) -> None:
    assert _findings(tmp_path, action) == [("VC201", '@app.route("/search", methods=["GET", "POST"])')]


def test_a_search_over_people_is_judged_as_a_read(tmp_path: Path) -> None:
    """Its answer reads stored records: a search of the members, open in an app that signs users in, is VC219's."""
    assert _findings(tmp_path, "pass", path="/members/search") == [
        ("VC219", '@app.route("/members/search", methods=["GET", "POST"])')]


CLASS_VIEWS = """
    import requests
    from flask import Blueprint, render_template
    from flask.views import MethodView

    from .forms import SearchForm
    from .models import Post, db

    bp = Blueprint("forum", __name__)


    class Search(MethodView):
        form = SearchForm

        def get(self):
            return render_template("search.html", form=self.form())

        def post(self):
            form = self.form()
            if form.validate_on_submit():
                posts = Post.query.filter(Post.title.contains(form.q.data)).all()
                {action}
                return render_template("results.html", posts=posts, form=form)
            return render_template("search.html", form=form)


    bp.add_url_rule("/search", view_func=Search.as_view("search"))
"""


def _class_view_findings(root: Path, action: str, form: str = "SearchForm") -> list[tuple[str, str]]:
    views = textwrap.dedent(CLASS_VIEWS).replace("{action}", action).replace("form = SearchForm", f"form = {form}")
    files = {"site/__init__.py": "", "site/forms.py": "class SearchForm:\n    pass\n",
             "site/models.py": "Post = User = db = None\n", "site/views.py": views}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=("VC201", "VC219"), cache=False,
                                               no_bandit=True))
    return sorted((f.code, f.line_text.strip()) for f in report.findings)


def test_a_method_view_search_post_through_its_form_attribute_is_no_state_change(tmp_path: Path) -> None:
    """FlaskBB's `Search.post` builds its form from the class's `form = SearchForm` (`self.form()`)."""
    assert _class_view_findings(tmp_path, "pass") == []


@pytest.mark.parametrize("action", ["db.session.commit()", "Post.query.filter_by(draft=True).delete()"])
def test_a_method_view_post_that_writes_is_reported(tmp_path: Path, action: str) -> None:
    assert _class_view_findings(tmp_path, action) == [("VC201", "def post(self):")]


def test_a_class_attribute_bound_to_a_sender_acts(tmp_path: Path) -> None:
    """`self.form()` is the call of what the attribute names: here a library's POST to another service."""
    assert _class_view_findings(tmp_path, "pass", form="requests.post") == [("VC201", "def post(self):")]


# FlaskBB's own shape: the form's method runs the search (`form.get_results()`), through a table of query reads.
SEARCH_FORM = """
    from flask_wtf import FlaskForm
    from wtforms import StringField

    from .models import Forum, Post, User, db

    AUDIT = {}


    class SearchForm(FlaskForm):
        q = StringField()

        def get_results(self):
            search_actions = {
                "post": Post.query.whooshee_search,
                "user": User.query.whooshee_search,
                "forum": Forum.query.filter_by,
            }
            results = {}
            for kind in search_actions.keys():
                results[kind] = search_actions[kind](self.q.data)
            return results
"""
# Form methods that act: each replaces `get_results` as the one the view calls.
ACTING_FORM_METHODS = [
    """
        def record(self):
            AUDIT[self.q.data] = 1
            return AUDIT
    """,
    """
        def record(self):
            db.session.add(Post(title=self.q.data))
            return {}
    """,
    """
        def record(self):
            actions = {"post": Post.query.delete}
            return actions["post"]()
    """,
    """
        def record(self):
            results = []
            results.append(self.q.data)
            return self.save(results)
    """,
]


def _form_method_findings(root: Path, extra: str = "", called: str = "get_results",
                          views: str = CLASS_VIEWS) -> list[tuple[str, str]]:
    views = textwrap.dedent(views).replace("{action}", f"posts = form.{called}()")
    form = textwrap.dedent(SEARCH_FORM) + textwrap.indent(textwrap.dedent(extra), "    ")
    files = {"site/__init__.py": "", "site/forms.py": form, "site/models.py": "Post = User = Forum = db = None\n",
             "site/views.py": views}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=("VC201",), cache=False,
                                               no_bandit=True))
    return sorted((f.code, f.line_text.strip()) for f in report.findings)


def test_a_search_post_through_a_reading_method_of_the_form_is_no_state_change(tmp_path: Path) -> None:
    assert _form_method_findings(tmp_path) == []


@pytest.mark.parametrize("method", ACTING_FORM_METHODS)
def test_a_search_post_through_an_acting_method_of_the_form_is_reported(tmp_path: Path, method: str) -> None:
    assert _form_method_findings(tmp_path, method, called="record") == [("VC201", "def post(self):")]


@pytest.mark.parametrize("called", ["save", "populate_obj"])
def test_a_form_method_the_project_does_not_define_acts(tmp_path: Path, called: str) -> None:
    assert _form_method_findings(tmp_path, called=called) == [("VC201", "def post(self):")]


# FlaskBB renders through a helper of its own, which picks the visitor's theme from the cookie session.
THEMED_HELPERS = """
    from flask import session
    from flask_themes2 import render_theme_template


    def render_template(template, **context):
        theme = session.get("theme", "default")
        return render_theme_template(theme, template, **context)
"""


@pytest.mark.parametrize(("helper", "expected"), [
    ("", []),
    ('    session["theme"] = "dark"', [("VC201", "def post(self):")]),
    ("    db.session.commit()", [("VC201", "def post(self):")]),
])
def test_a_search_post_rendering_through_a_project_helper(tmp_path: Path, helper: str,
                                                          expected: list[tuple[str, str]]) -> None:
    """The helper changes nothing (it reads the cookie session and renders): the POST only answers; a helper that
    stores into the session or commits acts."""
    helpers = textwrap.dedent(THEMED_HELPERS).replace("from flask import session", "from flask import session\n"
                                                      "from .models import db")
    if helper:
        helpers = helpers.replace('    theme = session.get("theme", "default")\n',
                                  f'    theme = session.get("theme", "default")\n{helper}\n')
    (tmp_path / "site").mkdir(parents=True)
    (tmp_path / "site/helpers.py").write_text(helpers, encoding="utf-8")
    views = CLASS_VIEWS.replace("from flask import Blueprint, render_template", "from flask import Blueprint\n\n"
                                "    from .helpers import render_template")
    findings = _form_method_findings(tmp_path, views=views)
    assert findings == expected


# FlaskBB's member list: the client picks the order (`order_func` bound to SQLAlchemy's `asc` or `desc`), and the
# search form's reading method returns a query the view pages through.
MEMBER_LIST = """
    from flask import Blueprint, render_template, request
    from flask.views import MethodView
    from sqlalchemy import asc, desc

    from .forms import SearchForm
    from .models import User, purge_inactive

    bp = Blueprint("forum", __name__)


    class MemberList(MethodView):
        form = SearchForm

        def post(self):
            if request.args.get("order_by", "asc") == "asc":
                order_func = asc
            else:
                order_func = {other}
            form = self.form()
            if form.validate():
                users = form.{called}().{paged}(1, 20, False)
                return render_template("members.html", users=users, search_form=form)
            users = User.query.order_by(order_func(User.id)).paginate(1, 20, False)
            return render_template("members.html", users=users, search_form=form)


    bp.add_url_rule("/members", view_func=MemberList.as_view("members"))
"""


@pytest.mark.parametrize(("other", "called", "paged", "expected"), [
    ("desc", "get_results", "paginate", []),
    ("purge_inactive", "get_results", "paginate", [("VC201", "def post(self):")]),
    ("desc", "get_results", "delete", [("VC201", "def post(self):")]),
    ("desc", "save", "paginate", [("VC201", "def post(self):")]),
])
def test_a_member_list_ordered_and_paged_by_the_client_only_reads(tmp_path: Path, other: str, called: str,
                                                                   paged: str, expected: list[tuple[str, str]]) -> None:
    """`order_func(User.id)` builds an ORDER BY clause and `form.get_results().paginate(...)` reads the rows the form's
    reading method selects: the POST changes nothing. A local that may hold a project function that acts, a `delete()`
    of the form's query, or a form method that writes (`save`) is a write."""
    views = textwrap.dedent(MEMBER_LIST).replace("{other}", other).replace("{called}", called).replace("{paged}", paged)
    assert _form_method_findings(tmp_path, views=views) == expected
