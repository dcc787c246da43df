"""Settings that pin the host an app answers for, by framework: what makes a link built on the request's host safe
(VC234). A file's pins travel as a fact, so a link in a view is judged by the settings module of the project.

- Django: `ALLOWED_HOSTS` without `"*"` (an empty list, too: Django then answers only `localhost` in debug mode); the
  host `get_host()` and `build_absolute_uri()` give is checked against it even where no file sets it, so it is open
  only where a file lets every host in.
- Flask and Quart: `SERVER_NAME` or `TRUSTED_HOSTS` set (Werkzeug then refuses any other host).
- Starlette and FastAPI: `TrustedHostMiddleware` with a list of hosts that is not `["*"]`.
- Django's sites framework: `get_current_site(request)` (and `request.site`) reads the site from the database where
  `django.contrib.sites` is in `INSTALLED_APPS` (by `SITE_ID`, or a row matching the host); without it, the request's
  host, checked against `ALLOWED_HOSTS` as `get_host()` is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import libcst as cst

from vibecheck.literals import string_value
from vibecheck.rules.auth.exprs import argument, elements, has_wildcard, is_none, target_name

HOST_PINS_FACT = "host_pins"
PINNED, OPEN = "pinned", "open"
DJANGO, FLASK, STARLETTE = "django", "flask", "starlette"
# The host as Django's `get_host()`/`build_absolute_uri()` give it: checked against `ALLOWED_HOSTS`, open only where a
# file lets every host in.
DJANGO_CHECKED = "django-checked"
# The site Django's `get_current_site(request)` gives: the database's where the sites app is installed, else the host as
# `get_host()` reads it.
DJANGO_SITE = "django-site"
SITES_APP = "django.contrib.sites"
INSTALLED_APPS = "INSTALLED_APPS"
# Settings (as assigned or passed by keyword) that pin the host, and the framework they pin it for.
HOST_SETTINGS = {"ALLOWED_HOSTS": DJANGO, "SERVER_NAME": FLASK, "TRUSTED_HOSTS": FLASK, "trusted_hosts": FLASK}
CONFIG_WRITERS = frozenset({"configure", "update", "from_mapping"})
TRUSTED_HOST_MIDDLEWARE = "TrustedHostMiddleware"

QualifiedName = Callable[[cst.CSTNode], "str | None"]


def assigned_pins(targets: Iterable[cst.CSTNode], value: cst.BaseExpression | None,
                  qualified_name: QualifiedName) -> list[str]:
    """`ALLOWED_HOSTS = [...]`, `app.config["SERVER_NAME"] = ...`, `SERVER_NAME = os.environ[...]`: `django:pinned`."""
    found = []
    for target in targets:
        name = target_name(target) or ""
        framework = HOST_SETTINGS.get(name)
        if framework is not None and value is not None:
            found.append(_pin(framework, value, qualified_name))
        elif name == INSTALLED_APPS and _lists_sites(value):
            found.append(f"{DJANGO_SITE}:{PINNED}")
    return [pin for pin in found if pin is not None]


def called_pins(call: cst.Call, qualified_name: QualifiedName) -> list[str]:
    """`app.config.update(SERVER_NAME=...)`, `settings.configure(ALLOWED_HOSTS=...)`,
    `app.add_middleware(TrustedHostMiddleware, allowed_hosts=[...])`, `Middleware(TrustedHostMiddleware, ...)`."""
    found: list[str | None] = []
    if call.args and (qualified_name(call.args[0].value) or "").endswith(TRUSTED_HOST_MIDDLEWARE):
        hosts = argument(call, None, "allowed_hosts")
        found.append(_pin(STARLETTE, hosts, qualified_name) if hosts is not None else None)
    elif type(call.func) is cst.Attribute and call.func.attr.value in CONFIG_WRITERS:
        for arg in call.args:
            framework = HOST_SETTINGS.get(arg.keyword.value) if arg.keyword is not None else None
            if framework is not None:
                found.append(_pin(framework, arg.value, qualified_name))
            elif arg.keyword is not None and arg.keyword.value == INSTALLED_APPS and _lists_sites(arg.value):
                found.append(f"{DJANGO_SITE}:{PINNED}")
    return [pin for pin in found if pin is not None]


def _lists_sites(value: cst.BaseExpression | None) -> bool:
    """`INSTALLED_APPS = [..., "django.contrib.sites", ...]` (also a `+` of lists, or the app's config class)."""
    if value is None:
        return False
    items = elements(value)
    if items is not None:
        return any((string_value(item) or "").startswith(SITES_APP) for item in items)
    if isinstance(value, cst.BinaryOperation):
        return _lists_sites(value.left) or _lists_sites(value.right)
    return False


def site_from_host(pins: Iterable[str]) -> bool:
    """`get_current_site(request)` is the request's host: a file lets every host in, and none installs the sites app."""
    found = set(pins)
    return f"{DJANGO}:{OPEN}" in found and f"{DJANGO_SITE}:{PINNED}" not in found


def _pin(framework: str, value: cst.BaseExpression, qualified_name: QualifiedName) -> str | None:
    if is_none(value):
        return None
    return f"{framework}:{OPEN if has_wildcard(value, qualified_name) else PINNED}"


def opened(pins: Iterable[str], framework: str) -> bool:
    """Some file lets every host of the framework in (`ALLOWED_HOSTS = ["*"]`)."""
    return f"{framework}:{OPEN}" in pins


def pinned(pins: Iterable[str], framework: str) -> bool:
    """Some file pins the framework's host and none lets every host in."""
    found = set(pins)
    return f"{framework}:{PINNED}" in found and f"{framework}:{OPEN}" not in found
