"""A Django middleware that requires a login only for the views of one URL namespace (pretalx's
`EventPermissionMiddleware`: `if "orga" in url.namespaces: ... redirect to login`) guards the views a URLconf routes
under that namespace (its `app_name`, or the `namespace=` of the include reaching it), and no others."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.testing import project_findings

MIDDLEWARE = """
    from django.shortcuts import redirect
    from django.urls import resolve


    def login_redirect(request):
        return redirect("/orga/login/?next=" + request.path)


    class EventPermissionMiddleware:
        UNAUTHENTICATED = ("login", "auth.reset")

        def __init__(self, get_response):
            self.get_response = get_response

        def _handle_orga_url(self, request, url):
            if request.user.is_anonymous and url.url_name not in self.UNAUTHENTICATED:
                return login_redirect(request)
            return None

        def __call__(self, request):
            url = resolve(request.path_info)
            if {test}:
                {action}
                if response:
                    return response
            return self.get_response(request)
"""
VIEWS = """
    from django.http import HttpResponse
    from django.views import View


    class UserSettings(View):
        def post(self, request):
            request.user.email = request.POST["email"]
            request.user.save()
            return HttpResponse("ok")
"""
ORGA_URLS = """
    from django.urls import path

    from conf.orga import views

    app_name = "orga"
    urlpatterns = [path("me", views.UserSettings.as_view(), name="user.view")]
"""
GUARDING = 'response = self._handle_orga_url(request, url)'


def _findings(root: Path, *, test: str = '"orga" in url.namespaces', action: str = GUARDING,
              include: str = 'include("conf.orga.urls", namespace="orga")', extra_urls: str = "",
              listed: str = "conf.common.middleware.EventPermissionMiddleware") -> list[str]:
    middleware = textwrap.dedent(MIDDLEWARE).replace("{test}", test).replace("{action}", action)
    files = {
        "conf/__init__.py": "", "conf/orga/__init__.py": "", "conf/common/__init__.py": "",
        "conf/common/middleware/__init__.py": "from .event import EventPermissionMiddleware\n",
        "conf/common/middleware/event.py": middleware,
        "conf/orga/views.py": textwrap.dedent(VIEWS),
        "conf/orga/urls.py": textwrap.dedent(ORGA_URLS),
        "conf/settings.py": textwrap.dedent(f"""
            INSTALLED_APPS = ["django.contrib.auth", "conf"]
            MIDDLEWARE = [
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "{listed}",
            ]
        """),
        "conf/urls.py": textwrap.dedent(f"""
            from django.urls import include, path

            from conf.orga import views

            urlpatterns = [
                path("orga/", {include}),
            ]
        """) + extra_urls,
    }
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return [f.message.split("`")[1] for f in project_findings(root, [RouteWithoutAuth])]


def test_a_view_in_the_namespace_the_middleware_guards_is_guarded(tmp_path: Path) -> None:
    assert _findings(tmp_path) == []


@pytest.mark.parametrize("test", [
    '"orga" in url.namespaces or ("plugins" in url.namespaces and request.path.startswith("/orga"))',
    'url.namespace == "orga"',
    'url.namespace in ("orga", "admin")',
])
def test_other_spellings_of_the_namespace_test(tmp_path: Path, test: str) -> None:
    assert _findings(tmp_path, test=test) == []


def test_the_include_without_a_namespace_takes_the_urlconfs_app_name(tmp_path: Path) -> None:
    assert _findings(tmp_path, include='include("conf.orga.urls")') == []


@pytest.mark.parametrize("kwargs", [
    # the middleware guards another namespace
    {"test": '"cfp" in url.namespaces'},
    # only plugins' views under a path, which the namespace does not say
    {"test": '"orga" in url.namespaces and request.path.startswith("/orga/admin")'},
    # the branch only picks the language
    {"action": 'response = request.session.setdefault("lang", "en")'},
    # the include names another instance namespace, which `url.namespaces` holds
    {"include": 'include("conf.orga.urls", namespace="staff")'},
    # a middleware the settings do not list
    {"listed": "django.middleware.common.CommonMiddleware"},
    # the view is routed outside the namespace too
    {"extra_urls": 'urlpatterns.append(path("me", views.UserSettings.as_view()))\n'},
])
def test_a_view_the_namespace_middleware_does_not_cover_is_reported(tmp_path: Path, kwargs: dict[str, str]) -> None:
    assert _findings(tmp_path, **kwargs) == ["UserSettings.post"]
