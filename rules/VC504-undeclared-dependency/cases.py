"""Corpus for VC504 undeclared-dependency, checked as a file of the vibecheck project itself.

The project declares libcst, bandit, click, rich, pathspec, tomli and the test extra (pytest,
jsonschema, coverage, ruff, pyyaml, markdown-it-py, ...). The `expect` imports are installed only because
those pull them in.
"""
from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

# ok: VC504 -- declared
import click
# ok: VC504 -- declared
from rich.console import Console
# ok: VC504 -- declared in the `test` extra
import pytest
# ok: VC504 -- declared
import libcst as cst
# ok: VC504 -- a module of this project
from vibecheck.model import Finding
# ok: VC504 -- not installed at all: that is unknown-import's business
import flask_secure_authz
# expect: VC504 -- not installed either, but a widely used package (`requests-oauthlib`), no invented one
from requests_oauthlib import OAuth2Session

# ok: VC504 -- PyYAML is declared in the `test` extra (the project's own tests import it)
import yaml
# expect: VC504 -- iniconfig, installed for pytest
import iniconfig
# expect: VC504 -- Pygments, installed for rich
from pygments import highlight
# ok: VC504 -- markdown-it-py is declared in the `test` extra (the markdown reporter's test renders with it)
from markdown_it import MarkdownIt
# expect: VC504 -- sortedcontainers, installed for hypothesis
import sortedcontainers
# expect: VC504 -- stevedore, installed for bandit
import stevedore.extension
# expect: VC504 -- pluggy, installed for pytest
import pluggy
# expect: VC504 -- referencing, installed for jsonschema
from referencing import Registry
# expect: VC504 -- mdurl, installed for markdown-it-py
import mdurl

try:
    # ok: VC504 -- optional
    import iniconfig
except ImportError:
    iniconfig = None

if TYPE_CHECKING:
    # ok: VC504
    from rpds import HashTrieMap

if sys.version_info >= (3, 12):
    # ok: VC504 -- conditional
    import attr


try:
    # ok: VC504 -- optional
    import lark
except ImportError as error:
    raise SystemExit("this backend needs lark") from error

# ok: VC504 -- the `try` above checked that it is installed
from lark.exceptions import LarkError

# expect: VC504 -- `if TYPE_CHECKING:` did not check that it is installed
import rpds

# expect: VC504 -- a version test is not a check that it is installed
from attr import define


def load_schema(path):
    # expect: VC504 -- a lazy import still needs the package
    import jsonschema_specifications
    return jsonschema_specifications, path, json


def packaging_version(text):
    # ok: VC504 -- deferred into a function named after the package: the integration used where it is installed
    import packaging.version
    return packaging.version.Version(text)


def typed_dict_extensions():
    # ok: VC504 -- the author waived import-outside-toplevel: an optional dependency, deferred on purpose
    import mypy_extensions  # noqa: PLC0415
    return mypy_extensions


class PackagingChecks:
    def run(self):
        # ok: VC504 -- the class is the adapter for the package it imports (reported once above otherwise)
        from packaging.specifiers import SpecifierSet
        return SpecifierSet


def styles():
    # ok: VC504 -- the same package once reported is not reported again in this file
    import yaml as again
    return (again, Console, cst, Finding, click, pytest, highlight, MarkdownIt, stevedore, pluggy, Registry, mdurl,
            sortedcontainers, LarkError, rpds, define)
