"""What a mature Django project shows only as a whole: a project permission class named in DRF's
`DEFAULT_PERMISSION_CLASSES` that asks for a model permission (VC218), a helper taking `request` that no URLconf
routes (VC405)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.cli_findings import write_dedented
from vibecheck.api import check_paths
from vibecheck.config import Settings

PERMISSIONS = {
    "asks": """
        from rest_framework.permissions import BasePermission

        class ActionPermission(BasePermission):
            def has_object_permission(self, request, view, obj):
                return request.user.has_perm(f"papers.{view.action}_paper", obj)
    """,
    "asks_in_helper": """
        from rest_framework.permissions import BasePermission

        class ActionPermission(BasePermission):
            def has_permission(self, request, view):
                return self._allowed(request, view, None)

            def _allowed(self, request, view, obj):
                return request.user.has_perm(f"papers.{view.action}_paper", obj)
    """,
    "signs_in": """
        from rest_framework.permissions import BasePermission

        class SignedInPermission(BasePermission):
            def has_permission(self, request, view):
                return bool(request.user and request.user.is_authenticated)
    """,
}
VIEWS = """
    from rest_framework import viewsets
    from rest_framework.decorators import action
    from rest_framework.response import Response

    from papers.models import Paper


    class PaperViewSet(viewsets.ModelViewSet):
        queryset = Paper.objects.all()

        @action(detail=True, methods=["POST"])
        def reject(self, request, pk=None):
            paper = self.get_object()
            paper.reject()
            return Response({"state": paper.state})
"""


@pytest.mark.parametrize(("permissions", "default", "reported"), [
    ("asks", "papers.permissions.ActionPermission", []),
    ("asks_in_helper", "papers.permissions.ActionPermission", []),
    # the same class, not the default: the default signs the caller in at most
    ("asks", "rest_framework.permissions.IsAuthenticated", ["reject"]),
    # a project class that only asks for a login restricts nothing
    ("signs_in", "papers.permissions.SignedInPermission", ["reject"]),
])
def test_a_permission_asking_default_restricts_drf_actions(tmp_path: Path, permissions: str, default: str,
                                                           reported: list[str]) -> None:
    write_dedented(tmp_path, {"papers/__init__.py": "", "papers/models.py": "",
                      "papers/settings.py": f'REST_FRAMEWORK = {{"DEFAULT_PERMISSION_CLASSES": ["{default}"]}}\n',
                      "papers/permissions.py": PERMISSIONS[permissions], "papers/views.py": VIEWS})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("VC218",), no_bandit=True,
                                                   cache=False))
    assert ["reject" for f in report.findings if f.code == "VC218"] == reported


HELPER = """
    import mimetypes

    from django.http import HttpResponse


    def send_file(request, filepath, filename=None):
        mimetype = mimetypes.guess_type(filename or filepath)[0] or "application/octet-stream"
        with open(filepath, "rb") as stored:
            return HttpResponse(stored.read(), content_type=mimetype)
"""
DOWNLOAD_VIEW = """
    from django.shortcuts import get_object_or_404

    from files.http import send_file
    from files.models import Attachment


    def download(request, attachment_id):
        attachment = get_object_or_404(Attachment, id=attachment_id, owner=request.user)
        return send_file(request, attachment.file.path, attachment.original_filename)
"""


@pytest.mark.parametrize(("urls", "reported"), [
    # the URLconf routes the view that calls the helper with a stored path
    ('from django.urls import path\nfrom files.views import download\n\n'
     'urlpatterns = [path("files/<int:attachment_id>/", download)]\n', False),
    # the helper itself routed: the path is the client's
    ('from django.urls import path\nfrom files.http import send_file\nfrom files.views import download\n\n'
     'urlpatterns = [path("files/<int:attachment_id>/", download), path("raw/<path:filepath>", send_file)]\n', True),
    # no URLconf checked: the helper may be a view
    (None, True),
])
def test_a_django_helper_no_urlconf_routes_takes_no_client_path(tmp_path: Path, urls: str | None,
                                                                reported: bool) -> None:
    files = {"files/__init__.py": "", "files/models.py": "", "files/http.py": HELPER, "files/views.py": DOWNLOAD_VIEW}
    if urls is not None:
        files["files/urls.py"] = urls
    write_dedented(tmp_path, files)
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("VC405",), no_bandit=True,
                                                   cache=False))
    assert [f.location.path.rpartition("/")[2] for f in report.findings] == (["http.py"] if reported else [])


DISPATCHING_ENDPOINT = """
    from flask import abort, request

    from api.methods import delete_item, get_item, patch_item


    def item_endpoint(**lookup):
        method = request.method
        if method == "GET":
            return get_item(**lookup)
        elif method == "PATCH":
            return patch_item(**lookup)
        elif method in ("DELETE",):
            return delete_item(**lookup)
        abort(405)
"""
METHODS = """
    from api.auth import requires_auth
    from api.limits import ratelimit


    def get_item(**lookup):
        return {}


    @requires_auth("item")
    def patch_item(**lookup):
        return {}


    @{decorator}
    def delete_item(**lookup):
        return {}
"""


@pytest.mark.parametrize(("decorator", "reported"), [
    ('requires_auth("item")', False),
    # the DELETE branch hands the request to a function only rate-limited
    ("ratelimit()", True),
])
def test_a_handler_is_guarded_where_each_writing_method_it_dispatches_to_is(tmp_path: Path, decorator: str,
                                                                            reported: bool) -> None:
    """Eve's `item_endpoint`, registered by the app's module, branches on `request.method` and hands each writing
    method to a function of a third module that its own decorator guards."""
    write_dedented(tmp_path, {
        "api/__init__.py": "",
        "api/auth.py": """
            from functools import wraps

            from flask import abort, request


            def requires_auth(kind):
                def decorate(view):
                    @wraps(view)
                    def wrapper(*args, **kwargs):
                        if not request.authorization:
                            abort(401)
                        return view(*args, **kwargs)
                    return wrapper
                return decorate
        """,
        "api/limits.py": "def ratelimit():\n    return lambda view: view\n",
        "api/methods.py": METHODS.replace("{decorator}", decorator),
        "api/endpoints.py": DISPATCHING_ENDPOINT,
        "api/app.py": """
            from flask import Flask

            from api.endpoints import item_endpoint

            app = Flask(__name__)
            app.add_url_rule("/items/<item_id>", "item", view_func=item_endpoint, methods=["GET", "PATCH", "DELETE"])
        """,
    })
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("VC201",), no_bandit=True,
                                                   cache=False))
    assert [f.code for f in report.findings] == (["VC201"] if reported else [])
