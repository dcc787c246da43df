"""Corpus for VC503 unknown-import, checked as a file of the vibecheck project itself.

The project is this repository: it declares libcst, bandit, click, rich, pathspec, tomli and the test
extra (pytest, jsonschema, coverage, ruff); the names marked `expect` exist nowhere (the invented submodules of
click and libcst, which are installed wherever vibecheck runs, included)."""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

# /// script
# requires-python = ">=3.10"
# dependencies = ["plotcrumbs-io>=1.2"]
# ///

# ok: VC503 -- declared
import click
# expect: VC503 -- `click` is installed, and its files hold no `tooling` module
from click.tooling import CommandRunner
# ok: VC503 -- a module of the installed `click`
from click.shell_completion import ShellComplete
# ok: VC503 -- declared, and installed wherever vibecheck runs
import libcst
# expect: VC503 -- libcst is installed where vibecheck runs, without a `codegen.agents` module
import libcst.codegen.agents
# ok: VC503 -- a sub-package and a module of the installed libcst
import libcst.codemod.visitors
# ok: VC503 -- below a module: an attribute may be anything the module makes
from libcst._nodes.expression import Name
# ok: VC503 -- declared by this file's own PEP 723 script block, which `uv run` installs
import plotcrumbs_io
# ok: VC503 -- the `google` namespace itself, which every Google client library installs
import google
# ok: VC503 -- protobuf, a real package inside the `google` namespace: undeclared-dependency's concern
from google.protobuf import json_format
# ok: VC503 -- the `zope` namespace, as imported before reading `zope.interface` from it
import zope
# ok: VC503 -- ViennaRNA's module
import RNA
# ok: VC503 -- a widely used scientific package, undeclared-dependency's concern
import astropy.io.fits
# ok: VC503 -- declared, in an optional extra
import pytest
# ok: VC503 -- installed (a dependency of bandit)
import yaml
# ok: VC503 -- a module of this project
from vibecheck.rule import Rule
# ok: VC503 -- an old standard-library name
from BaseHTTPServer import HTTPServer
# ok: VC503 -- the bindings componentize-py generates into a WASI component when it builds one
from wit_world.imports.streams import StreamError_Closed
from componentize_py_types import Err
# expect: VC503 -- no generator writes it and no distribution ships it
from componentize_py_helpers import unwrap
# ok: VC503 -- declared for Python < 3.11 only, whether or not it is installed here
import tomli
# ok: VC503 -- a real distribution whose import name differs (`django-filter`), installed or not
import django_filters
# ok: VC503 -- `python3-saml` provides `onelogin`, installed or not
from onelogin.saml2.auth import OneLogin_Saml2_Auth
# ok: VC503 -- the compiled core of `pydantic`, a real distribution
from pydantic_core import core_schema
# ok: VC503 -- `python-xlib` provides `Xlib`
from Xlib import display
# ok: VC503 -- Oracle's MySQL driver (`mysql-connector-python`), neither declared nor installed here
import mysql.connector
# ok: VC503 -- `python-jwt` provides `python_jwt`, neither declared nor installed here
import python_jwt as jwt
# ok: VC503 -- Pyrogram, whose maintained forks (`pyrofork`, `kurigram`) keep its import name: a real package
from pyrogram import Client
# ok: VC503 -- a widely used audio-tag library, neither declared nor installed here
import mutagen
# expect: VC503 -- an invented sub-package under a real driver's name is still reported by its top-level name
import mysql_secure_connector
# ok: VC503 -- a widely used package, neither declared nor installed here: undeclared-dependency reports it
from requests_oauthlib import OAuth2Session

# expect: VC503
import flask_secure_authz
# expect: VC503
from fastapi_jwt_helpers import verify_token
# expect: VC503
from django_secure_payments.gateway import charge
# expect: VC503
import langchain_memory_utils as memory
# expect: VC503
import os, requests_oauth_plus
# expect: VC503
import stripe_checkout_sdk.client

try:
    # ok: VC503 -- optional: the code handles its absence
    import ujson_accelerated as json
except ImportError:
    import json

if TYPE_CHECKING:
    # ok: VC503 -- never imported at run time
    from typing_stubs_extra import Payload

if sys.platform == "win32":
    # ok: VC503 -- conditional
    import win32_service_helpers


def summarize(text):
    # expect: VC503
    from openai_summarizer_tools import summarize_text
    return summarize_text(text)


def is_interactive():
    # ok: VC503 -- the program the interpreter is running, which has no `__file__` in a notebook or a REPL
    import __main__ as main
    return not hasattr(main, "__file__")


def main_module_helpers():
    # expect: VC503 -- a look-alike of the interpreter's module that no one ships
    import __main_helpers__
    return __main_helpers__


def parse_pdf(path):
    # expect: VC503
    import pdfminer_turbo
    return pdfminer_turbo.extract(path)


def zebrashell_console(namespace):
    # ok: VC503 -- an optional backend: the function exists to use the package it imports
    import zebrashell
    zebrashell.embed(namespace)


class FastJsonNativeCodec:
    def __init__(self):
        # ok: VC503 -- the class is the adapter for the package it imports
        import fastjson_native
        self.lib = fastjson_native


class CloudEngineServer:
    def run(self, handler):
        # ok: VC503 -- the class is named after the sub-package of the namespace package it imports
        from zebracloud.cloudengine.ext import serve
        serve(handler)


class ZebrahttpServer:
    def run(self, handler):
        # ok: VC503 -- the class is named after the host framework the extension package serves
        from zebrahttp_wsgi.wsgi import serve
        serve(handler)


def create_zebrahttp_app(handler):
    # expect: VC503 -- a function that mentions a host framework is not an adapter for every extension of it
    from zebrahttp_secure_authz import protect
    return protect(handler)


class ReportServer:
    def run(self, handler):
        # expect: VC503 -- the class is not named after any package the import names
        from zebracloud.cloudengine.ext import serve
        serve(handler)


def feed_to_fields(path):
    # ok: VC503 -- the author waived import-outside-toplevel: an optional dependency, deferred on purpose
    import zebrafeedparser  # noqa: PLC0415
    return zebrafeedparser.parse(path)


def mail_to_fields(path):
    # expect: VC503 -- a waiver of another check says nothing about the import
    import zebramailparser  # noqa: E501
    return zebramailparser.parse(path)


def export_report(rows):
    # expect: VC503 -- a helper named for what it does, not for the package it imports
    from fastjson_native import dumps
    return dumps(rows)


def local_helpers():
    # ok: VC503 -- relative imports are the project's own
    from . import helpers
    return helpers


if __name__ == "__main__":
    # expect: VC503 -- the main guard is not a condition on availability
    import uvicorn_reload_plus
