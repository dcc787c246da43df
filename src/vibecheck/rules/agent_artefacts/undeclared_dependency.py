"""VC504: a third-party import that is installed, but only by chance: the project does not declare it."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.dependencies import KNOWN_DISTRIBUTIONS, WELL_KNOWN_MODULES, installed_distributions, normalize
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.agent_artefacts._import_check import ImportCheck

# Namespace packages whose distributions are named by their modules' first two dotted parts: `zope.interface` comes
# from `zope.interface`, `jaraco.functools` from `jaraco.functools`, `backports.zoneinfo` from `backports.zoneinfo`.
DOTTED_NAMESPACES = frozenset({"zope", "jaraco", "backports", "sphinxcontrib", "repoze"})


class UndeclaredDependency(ImportCheck):
    """An installed third-party package is imported but not declared in the project's dependencies.

    ## What it does
    Reports an absolute import of a module that an installed distribution provides (found from
    `importlib.metadata`, without importing it), or of a widely used package (`requests`, `numpy`)
    even where it is not installed, when the project declares its dependencies somewhere but not that
    distribution. Only projects that declare dependencies are checked (PEP 621,
    dependency groups, Poetry/PDM/uv/Hatch, `requirements*.txt`, `setup.cfg`, `setup.py`, `Pipfile`,
    `PKG-INFO`, `<name>.egg-info/requires.txt`, a wheel's `METADATA`, the `deps` of
    `tox.ini`, a script's PEP 723 `# /// script` block, which
    declares that file's own); optional extras and development groups count as declared. The nearest project file
    above the checked file declares for it, and a `requirements.txt` or `Pipfile` nearer than that one (a monorepo's
    `services/api/requirements.txt` under the repository's `pyproject.toml`) declares for its folder as well.
    Test files are checked only when the project declares development or test dependencies somewhere.
    Optional imports (under `try`/`except ImportError`, its `else`, or `contextlib.suppress(ImportError)`),
    conditional ones (under `if`, including `if TYPE_CHECKING:`), a later import of a module the file
    imported under `except ImportError` (that `try` checked it is there), imports inside test functions,
    relative imports, the standard library and the project's own modules are not reported; nor, as for
    `unknown-import`, an import deferred into a function or class named after the module (`def ipython(self):
    from IPython import start_ipython`, the shell command that uses IPython where it is installed), an import in a
    module named for the package it adapts (`apsw_ext.py` importing `apsw`), one in a package's `contrib`,
    `adapter` or `integrations` sub-package (`huey/contrib/djhuey/` importing Django) or one deferred
    under another linter's import-outside-toplevel waiver (`import feedparser  # noqa: PLC0415`) or marked with
    pylint's import-error waiver: an optional integration, on purpose; nor one deferred into a function or class named
    for an extra a declared requirement asks for (`class XLS: def load(...): import xlrd` where the project declares
    `tablib[xls]`, or Poetry's `tablib = {version = "*", extras = ["xls"]}`; not a catch-all extra such as `all`): that
    extra's backend, whose distributions only the requirement's own metadata names. A requirement's
    extras count as declared (`kombu[sqlalchemy]` installs SQLAlchemy, `psycopg[pool]` installs `psycopg-pool`), and
    so do runtimes a declared distribution always installs and that code uses only through it (`greenlet` under
    `gevent`, `urllib3` under `requests`, pydantic, Starlette and anyio under the MCP SDKs). The project
    is found as for `unknown-import`. The message names a widely used package's distribution as the
    project would declare it (`PyYAML` for `yaml`, `protobuf` for `google.protobuf`), a namespace package's by its
    dotted module (`zope.interface`, `jaraco.functools`: not `zope`), and other installed ones in their normal form
    (`typing-extensions`), so it reads the same wherever vibecheck runs.

    ## Why is this bad?
    The import works on the machine where the agent ran because something else pulled the package in
    (a transitive dependency, a tool installed in the same environment). A fresh install from the
    declared dependencies fails with `ModuleNotFoundError`, or gets whatever version another package
    happened to require.

    ## Example
    ```python
    import numpy
    ```

    ## Use instead
    ```python
    import click
    ```

    ## References
    - [PEP 621: dependencies](https://peps.python.org/pep-0621/#dependencies-optional-dependencies)
    - [PEP 735: dependency groups](https://peps.python.org/pep-0735/)
    - [CWE-1104: Use of Unmaintained Third Party Components](https://cwe.mitre.org/data/definitions/1104.html)
    """

    code = "VC504"
    name = "undeclared-dependency"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (1104,)
    skips_adapters = True

    def check_import(self, node: cst.CSTNode, module: str, top_level: str, candidates: tuple[str, ...]) -> None:
        distributions = _named_distributions(module, top_level)
        project = self.project
        if not distributions or not project.declares or project.provides(*candidates):
            return
        if self.context.is_test_file and not project.declares_dev:
            return  # test dependencies live where this project does not say (CI files, a tox.ini we cannot read)
        distribution = sorted(distributions)[0]
        self.report(node, f"`{module}` comes from the distribution `{distribution}`, which the project does not declare "
                    "as a dependency.",
                    hint=f"Add `{distribution}` to the project's dependencies (or to an optional extra or dev group if only "
                    "some code needs it).")


def _named_distributions(module: str, top_level: str) -> tuple[str, ...]:
    """The distributions to name for a module, spelled the same wherever vibecheck runs: the table's spelling for
    a well-known module (its longest dotted entry first: `google.protobuf` is `protobuf`), the namespace's
    distribution for a module of a namespace whose distributions take their modules' dotted names
    (`zope.interface`, not `zope`), else the installed metadata's names in their PEP 503 form (`typing_extensions` and
    `typing-extensions` are one distribution, spelled either way by different installers)."""
    parts = module.split(".")
    for length in range(len(parts), 1, -1):
        known = KNOWN_DISTRIBUTIONS.get(".".join(parts[:length]))
        if known is not None:
            return known
    if top_level in DOTTED_NAMESPACES and len(parts) > 1 and parts[0] == top_level:
        return (".".join(parts[:2]),)
    if top_level in KNOWN_DISTRIBUTIONS or top_level in WELL_KNOWN_MODULES:
        return KNOWN_DISTRIBUTIONS.get(top_level, (top_level.replace("_", "-"),))
    return tuple(sorted({normalize(name) for name in installed_distributions(top_level)}))
