"""VC503: an import that nothing provides: not stdlib, not local, not declared, not installed."""

from __future__ import annotations

import re

import libcst as cst

from vibecheck.analysis.dependencies import (
    KNOWN_DISTRIBUTIONS,
    NAMESPACE_ROOTS,
    WELL_KNOWN_MODULES,
    is_installed,
    missing_submodule,
)
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.agent_artefacts._import_check import ImportCheck

# The test-support package of a repository that ships several distributions (Airflow's providers import
# `tests_common`, others `test_utils` or `testlib`): it lives beside the project in the repository, not on the index.
# `conftest` is pytest's own name for a test folder's fixtures module, which a test may import from.
TEST_SUPPORT = lazy_pattern(r"^_?tests?(?:_[a-z0-9_]+)?$|^test(?:utils|lib|helpers|support|tools)$|^conftest$")


def _known_namespace_package(module: str) -> bool:
    """`google.protobuf.json_format`: a well-known package inside a namespace shared by many (`google`); or such a
    namespace alone (`import google`, then `google.oauth2.service_account.Credentials`), which its packages install."""
    if module in NAMESPACE_ROOTS:
        return True
    parts = module.split(".")
    return any(".".join(parts[:end]) in KNOWN_DISTRIBUTIONS for end in range(2, len(parts) + 1))


class UnknownImport(ImportCheck):
    """An import of a package that is not declared, not installed and not part of the project.

    ## What it does
    Reports an absolute import whose top-level module is not in the standard library, not a module of the project (its root,
    `src/`, the `src-paths` setting, a folder under the root that holds Django's `manage.py`, beside the file, or in the
    `_vendor` folder of a package that puts it on `sys.path`, as poetry-core does), not
    provided by a dependency the project declares, not installed in the environment vibecheck runs in, and not one of a few
    hundred widely used packages (`requests`, `numpy`: those are `undeclared-dependency`'s). Optional imports (under
    `try`/`except ImportError`, its handlers and `else`, or `contextlib.suppress(ImportError)`), conditional ones (under `if`,
    including `if TYPE_CHECKING:`; not the `__main__` guard), later imports of a module the file imported under `except
    ImportError`, imports inside test functions, .NET namespaces in a project that runs on pythonnet (`import System` where it
    declares `pythonnet` or the file imports `clr`), a test file's imports of the repository's test-support package
    (`tests_common`, `test_utils`: a repository that ships several distributions keeps it beside them) or of `conftest`, and
    imports deferred into a function of a function or class named after the module (`def ipython(self): from IPython import
    embed`, `class PyLibMCCache: def __init__(self): import pylibmc`, the shape of an optional backend; a name shorter than
    four letters must be one of its words: `def _use_rsa_signer(): import rsa`; also a class named after a namespace
    package's sub-package or the host an extension serves: `class AppEngineServer` for `google.appengine.ext`, `class
    AiohttpServer` for `aiohttp_wsgi`), imports in a module named for the package it adapts (its file name the package's,
    alone or with an adapter's word: `_debugpy.py` or `apsw_ext.py` importing `debugpy` or `apsw`, `sqlcipher_ext.py`
    importing `sqlcipher3`, `redis_backend.py`), imports in a package's `contrib`, `adapter` or `integrations` sub-package
    (`huey/contrib/djhuey/` importing Django, `slack_bolt/adapter/aws_lambda/` importing Chalice: the optional
    integrations with other frameworks; not an application's `adapters` layer),
    and imports whose line waives another linter's
    import-outside-toplevel check (`import feedparser  # noqa: PLC0415`: deferred on purpose, an optional dependency) or
    pylint's import-error (`from plugin.utils import x  # pylint: disable=import-error`: known to be missing where it is
    linted, also on the first line of a parenthesized import) are not reported; relative imports never are.
    Standard-library names of older Pythons (`BaseHTTPServer`, `distutils`), the modules
    a runtime provides (Pyodide's `js` and `pyodide`, PyPy's `__pypy__`, the bindings componentize-py generates into a WASI
    component: `wit_world`, `componentize_py_types`), those of the application a plugin runs inside (an
    Odoo addon's `odoo`, a Frappe app's `frappe`, Blender's `bpy`, an Apache handler's `mod_python`) and the typing-only
    `_typeshed` count as standard library.

    A module of an installed package that the package's files do not hold is reported too, also when the file
    imports the package itself (`from anthropic.tooling import ToolRunner` where `anthropic/` in the site folder has
    no `tooling.py`, `tooling/` or compiled `tooling`): read from the files, never imported; only a regular package
    in a site folder whose `__init__` makes no submodules at run time (`sys.modules[...]`, a `__path__` extended, an
    import hook) is judged, not a namespace package, an editable checkout or what lies below a module. Such an
    import only fails (no one else can publish the module), so it is a medium finding.

    The project is the nearest directory above the file with a `pyproject.toml`, `setup.py` or `setup.cfg` (or, for an
    unpacked wheel, a `<name>.dist-info/METADATA`). Declared dependencies are read from a script's own PEP 723 `# /// script`
    block (`uv run` installs what it lists), PEP 621 `dependencies` and `optional-dependencies`, dependency groups,
    Poetry/PDM/uv/Hatch tables, `requirements*.txt` (following `-r`), `setup.cfg`, the literal lists of `setup.py` (parsed,
    not run; also a dict handed over as `setup(**setup_args)` and requirements appended under a platform test), `Pipfile`,
    `tox.ini` (factor-conditional lines too: `full: pycares<5`), `PKG-INFO`, `<name>.egg-info/requires.txt` and a wheel's
    `METADATA`, with the extras a
    requirement asks for (`kombu[sqlalchemy]`, `psycopg[pool]`'s `psycopg-pool`) and the runtimes a declared distribution
    always installs (`greenlet` under `gevent`, `h11` and `jh2` under `urllib3.future`); `setuptools` counts as declared
    when no `[build-system]` is, and so does the host of an entry-point group the project joins (`paste` for
    `[project.entry-points."paste.server_runner"]`: it loads the
    module it names; PyInstaller for `pyinstaller40` and pytest for `pytest11`, groups named with the version of their
    plugin interface). Import names are matched to distributions from the declarations alone, so the answer does not depend on
    what is installed where vibecheck runs (a pre-commit hook's environment never has the project's dependencies): normalised
    names (`typing_extensions` is `typing-extensions`, `wtf-peewee` is `wtfpeewee`, the private `_argon2_cffi_bindings`
    is `argon2-cffi-bindings`), the usual spellings (`python-x`,
    `python3-x`, `pyx` (also from `python-x`), `django-x`, `sqlalchemy-x`; an ecosystem's or a maintainer's prefix before a
    name of several words, which the module runs together or joins with underscores: `graphql-schema-diff` ships
    `schemadiff`, the fork `panzi-json-logic` ships `json_logic`; a one-word distribution's major
    version or Python 3 port: `pybars4` ships `pybars`, `newspaper3k` ships `newspaper`; a compiled companion's language
    between the words of its name: `ormar-utils` ships `ormar_rust_utils`), forks that keep the original's import
    name (`pyrofork` ships `pyrogram`), variants that ship the same package (`pydantic-ai-slim`, `opentelemetry-api`,
    `psycopg2-binary`, `pydantic-core`), namespace packages (a declared `opentelemetry-sdk` or `google-cloud-storage` covers
    `opentelemetry` or `google`, and a declared `ab-database` or `conformer-qc` covers `ab_core` or `conformer_core`, the core
    package of its family) and a table of well-known differences (`yaml` is `PyYAML`, `django_filters` is `django-filter`).
    Installed metadata can add a match, never remove one.

    ## Why is this bad?
    Coding agents invent plausible package names (`flask_secure_authz`, `fastapi_jwt_helpers`).
    The import fails at run time at best; at worst someone runs `pip install` on the suggested name,
    and attackers register exactly those names ("slopsquatting") to get their code installed.

    ## Example
    ```python
    from flask_secure_authz import require_role
    ```

    ## Use instead
    ```python
    from functools import wraps

    import click
    ```

    ## References
    - [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
    - [Package hallucinations by code-generating LLMs (USENIX Security 2025)](https://arxiv.org/abs/2406.10279)
    - [PEP 621: dependencies](https://peps.python.org/pep-0621/#dependencies-optional-dependencies)
    """

    code = "VC503"
    name = "unknown-import"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (829,)
    skips_adapters = True

    def check_import(self, node: cst.CSTNode, module: str, top_level: str, candidates: tuple[str, ...]) -> None:
        if top_level in WELL_KNOWN_MODULES or top_level in KNOWN_DISTRIBUTIONS or _known_namespace_package(module):
            return  # a real package: undeclared-dependency judges whether it is declared
        if self.project.provides(*candidates) or is_installed(top_level) or (
                self.context.is_test_file and TEST_SUPPORT.match(top_level)) or self._dotnet_namespace(top_level):
            return
        self.report(node, f"`{module}` is not declared and not installed: if an agent suggested it, check that the "
                    "package really exists before installing it.",
                    hint=f"Confirm that a package providing `{top_level}` exists on the package index and declare it in the "
                    "project's dependencies, or remove the import.")

    def check_submodule(self, node: cst.CSTNode, module: str) -> None:
        missing = missing_submodule(module)
        if missing is not None:
            package = missing.rpartition(".")[0]
            self.report(node, f"`{missing}` is not a module of the installed `{package}`: if an agent suggested it, "
                        "check the package's documentation for the module it meant.",
                        hint=f"Import the object from the module of `{package}` that defines it, or remove the import.",
                        severity=Severity.MEDIUM)  # (no one can publish it: the import fails, nothing foreign runs)

    def _dotnet_namespace(self, top_level: str) -> bool:
        """`import System`, `from Newtonsoft.Json import JsonConvert` in a project that runs on pythonnet (it declares
        `pythonnet`, or the file imports `clr`): a .NET assembly `clr.AddReference` loaded, not a Python package."""
        return top_level[:1].isupper() and ("pythonnet" in self.project.declared
                                            or re.search(r"^\s*import clr\b", self.context.source, re.MULTILINE) is not None)
