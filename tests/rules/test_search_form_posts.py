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
