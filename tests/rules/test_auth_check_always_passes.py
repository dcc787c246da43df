"""VC212 auth-check-always-passes: options, exemptions and what counts as a real check."""

from __future__ import annotations

from vibecheck.rules.auth.auth_check_always_passes import AuthCheckAlwaysPasses
from vibecheck.testing import findings_for

STUB = """
    def may_publish(user):
        return True
"""


def test_name_pattern_option_decides_which_functions_are_checks() -> None:
    assert findings_for(AuthCheckAlwaysPasses, STUB) == []
    options = AuthCheckAlwaysPasses.parse_options({"name-pattern": r"^may_\w+$"})
    assert len(findings_for(AuthCheckAlwaysPasses, STUB, options=options)) == 1


def test_stubs_in_test_files_are_fakes() -> None:
    source = "def verify_token(token):\n    return True\n"
    assert len(findings_for(AuthCheckAlwaysPasses, source)) == 1
    assert findings_for(AuthCheckAlwaysPasses, source, is_test_file=True) == []


def test_a_call_that_can_raise_makes_it_a_real_check() -> None:
    source = """
        def verify_token(token):
            decode(token)
            return True
    """
    assert findings_for(AuthCheckAlwaysPasses, source) == []


def test_falling_off_the_end_is_not_always_passing() -> None:
    source = """
        def is_admin(user):
            if user.name == "root":
                return True
    """
    assert findings_for(AuthCheckAlwaysPasses, source) == []


def test_one_line_body_is_seen() -> None:
    findings = findings_for(AuthCheckAlwaysPasses, "def has_permission(user, perm): return True\n")
    assert len(findings) == 1 and "`True`" in findings[0].message


def test_a_before_request_hook_named_to_enforce_access_must_be_able_to_refuse() -> None:
    """(Not in the corpus: the corpora run as one app, where an auth hook would guard every other corpus's routes.)"""
    hook = """
        import flask
        from flask import abort, request, session

        app = flask.Flask(__name__)


        @app.before_request
        def check_auth():
            if request.endpoint != "login" and not session.get("user_id"):
                {refusal}
    """
    assert findings_for(AuthCheckAlwaysPasses, hook.format(refusal="abort(401)")) == []
    assert findings_for(AuthCheckAlwaysPasses, hook.format(refusal='return {"error": "login"}, 401')) == []
    assert len(findings_for(AuthCheckAlwaysPasses, hook.format(refusal="pass"))) == 1
    assert len(findings_for(AuthCheckAlwaysPasses, hook.format(refusal='logger.info("anonymous")'))) == 1
    loader = """
        from flask import Blueprint, g, session

        bp = Blueprint("auth", __name__)


        @bp.before_app_request
        def load_logged_in_user():
            g.user = session.get("user_id")
    """
    assert findings_for(AuthCheckAlwaysPasses, loader) == []  # it loads the user; the views decide
    wrapped = """
        from flask import Blueprint
        from flask_login import login_required
        from .logs import track

        reports = Blueprint("reports", __name__)


        @reports.before_request
        @{decorator}
        def require_login():
            \"\"\"Every report is for signed-in users.\"\"\"
    """
    assert findings_for(AuthCheckAlwaysPasses, wrapped.format(decorator="login_required")) == []
    assert len(findings_for(AuthCheckAlwaysPasses, wrapped.format(decorator="track"))) == 1
