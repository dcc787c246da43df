"""Whether a DRF serializer ever takes the client's data, from the views and calls of its project that name it.

A `ModelSerializer` writes the fields its `Meta.fields` lists only where something hands it the request body: a view
that creates or updates with it as its `serializer_class` (`ModelViewSet`, `CreateAPIView`, a `GenericViewSet` with
`CreateModelMixin`), or a call `InvoiceSerializer(data=request.data)`. One that only read-only views
(`ReadOnlyModelViewSet`, `ListAPIView`, a `GenericViewSet` with the list and retrieve mixins) and output calls
(`InvoiceSerializer(invoices, many=True).data`, a nested `InvoiceSerializer(read_only=True)`) name shows those fields
and never writes them. Only serializer modules (`serializers.py`, `serializers/`) are asked about; their project is
the folder above the app (`project/` for `project/tracker/serializers.py`), read with `ast` once per run; tests are
left out (a test may feed any serializer data), and a folder that is no project, a project too large to read here, or
one where nothing names the serializer, says nothing. A view only the site's staff reach (`permission_classes =
[IsAdminUser]`; DRF requires every class listed) counts as a reader: whoever may write through it is trusted to set
any field (django-helpdesk's `FollowUpViewSet`).
"""

from __future__ import annotations

import ast
import functools
import os
from collections.abc import Iterator

from vibecheck import listings
from vibecheck.analysis.secrets_names import name_words
from vibecheck.safe_files import parsed_module

# DRF views that never write through their serializer: the read-only generic views and viewsets, and the bases and
# mixins a read-only viewset is put together from.
READ_ONLY_VIEW_BASES = frozenset({"ReadOnlyModelViewSet", "ListAPIView", "RetrieveAPIView", "ListModelMixin",
                                  "RetrieveModelMixin", "GenericViewSet", "GenericAPIView"})
# The words of a DRF permission class that admits the site's staff only (`IsAdminUser`, `IsSuperUser`, `IsStaff`), not
# a tenant's administrators (`IsOrgAdmin`), who may still not set any field (an invitation's `role`).
SITE_STAFF_WORDS = frozenset({"admin", "superuser", "super", "staff"})
SITE_STAFF_NAME_WORDS = SITE_STAFF_WORDS | {"is", "user", "only"}
# Calls in a view that build its serializer, which writes when handed `data` (`self.get_serializer(data=...)`).
SERIALIZER_FACTORIES = frozenset({"get_serializer", "serializer_class"})
# Folders that hold no code of the app: environments, caches, migrations, tests.
SKIPPED_FOLDERS = frozenset({"venv", "env", "node_modules", "site-packages", "__pycache__", "migrations", "tests",
                             "test", "build", "dist"})
# A project with more modules than this is not read: the answer stays unknown.
MAX_MODULES = 400
MAX_FOLDERS = 200
# Files that make the folder above an app a project (or a package of apps) whose modules can be read as a whole.
PROJECT_MARKERS = ("manage.py", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "__init__.py")
MAX_MODULE_BYTES = 1_000_000
SERIALIZERS_PACKAGE = "serializers"
SOURCE_FOLDER = "src"


def only_read(path: str, serializer: str) -> bool:
    """Whether every use of the serializer class `serializer`, defined in the serializer module at `path`, in its
    project reads: at least one such use, and no view or call that may hand it the client's data."""
    if not is_serializer_module(path):
        return False
    uses = _uses(_project_folder(path)).get(serializer, [])
    return bool(uses) and all(uses)


def is_serializer_module(path: str) -> bool:
    """`serializers.py`, or a module of a `serializers/` package: where DRF apps keep their serializers."""
    folder, name = os.path.split(os.path.abspath(path))
    return name == f"{SERIALIZERS_PACKAGE}.py" or os.path.basename(folder) == SERIALIZERS_PACKAGE


class SerializerUsesInputs:
    """The names, sizes and modification times of the project's modules that `only_read` reads, for a serializer
    module: a `Rule.cache_inputs` function. The cache calls `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        return _stamp(_project_folder(path)) if is_serializer_module(path) else ""

    def cache_clear(self) -> None:
        _modules.cache_clear()
        _stamp.cache_clear()
        _uses.cache_clear()


serializer_uses_inputs = SerializerUsesInputs()


def _project_folder(path: str) -> str:
    """The folder above the app that defines the serializer (`project/` for `project/tracker/serializers.py` and for
    `project/tracker/serializers/invoices.py`)."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.basename(folder) == SERIALIZERS_PACKAGE:
        folder = os.path.dirname(folder)
    return os.path.dirname(folder)


@functools.lru_cache(maxsize=64)
def _modules(project: str) -> tuple[str, ...] | None:
    """The project's modules outside tests, environments and hidden folders; None when the folder is no project (no
    `manage.py`, `pyproject.toml`, ... nor `__init__.py`: the apps' folder may be a home directory) or is too large."""
    if not _marked(project) and not (os.path.basename(project) == SOURCE_FOLDER and _marked(os.path.dirname(project))):
        return None  # (a `src/` layout's markers are one folder up)
    found: list[str] = []
    for visited, (folder, folders, files) in enumerate(os.walk(project)):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS)
        found += [os.path.join(folder, f) for f in sorted(files)
                  if f.endswith(".py") and not f.startswith("test_") and f != "conftest.py"]
        if len(found) > MAX_MODULES or visited > MAX_FOLDERS:
            return None
    return tuple(found)


def _marked(folder: str) -> bool:
    return any(os.path.isfile(os.path.join(folder, marker)) for marker in PROJECT_MARKERS)


@functools.lru_cache(maxsize=64)
def _stamp(project: str) -> str:
    return listings.stat_digest(_modules(project) or ())


@functools.lru_cache(maxsize=64)
def _uses(project: str) -> dict[str, list[bool]]:
    """Each name used in the project's modules -> for each use, whether it only reads (a serializer's view or call)."""
    uses: dict[str, list[bool]] = {}
    for module in _modules(project) or ():
        tree = parsed_module(module, MAX_MODULE_BYTES)
        for name, reads in _module_uses(tree) if tree is not None else ():
            uses.setdefault(name, []).append(reads)
    return uses


def _module_uses(tree: ast.Module) -> Iterator[tuple[str, bool]]:
    """(name, only reads) for each load of a name in the module: as a read-only view's `serializer_class`, in a call
    that serializes an object (a field of another serializer only with `read_only=True`), or anything else (a base
    class, a writing view's `serializer_class`, a call handed `data`)."""
    counted: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        reads = _read_only_view(node) or _admin_only_view(node)
        for statement in node.body:
            value = statement.value if isinstance(statement, ast.Assign) else None
            if isinstance(value, ast.Name) and _assigns(statement, "serializer_class"):
                counted.add(id(value))
                yield value.id, reads
            elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
                counted.add(id(value.func))
                yield value.func.id, any(k.arg == "read_only" and _is_true(k.value) for k in value.keywords)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and id(node.func) not in counted:
            counted.add(id(node.func))
            yield node.func.id, not _hands_data(node)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in counted:
            yield node.id, False


def _assigns(statement: ast.stmt, name: str) -> bool:
    return isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name
                                                     for t in statement.targets)


def _is_true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _read_only_view(node: ast.ClassDef) -> bool:
    """A view whose bases are all read-only DRF views and mixins, and that builds no serializer from data itself."""
    bases = [_last_name(b) for b in node.bases]
    if not bases or not all(b in READ_ONLY_VIEW_BASES for b in bases):
        return False
    return not any(isinstance(call, ast.Call) and _factory(call.func) and _hands_data(call) for call in ast.walk(node))


def _admin_only_view(node: ast.ClassDef) -> bool:
    """`permission_classes = [IsAdminUser]` (also annotated, `ClassVar[list]`): a class admitting the site's staff only
    among the listed ones, each of which must pass."""
    for statement in node.body:
        value: ast.expr | None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign):
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "permission_classes" and isinstance(value, (ast.List, ast.Tuple)):
            return any(_site_staff(_last_name(e)) for e in value.elts)
    return False


def _site_staff(name: str) -> bool:
    words = set(name_words(name))
    return bool(words & SITE_STAFF_WORDS) and words <= SITE_STAFF_NAME_WORDS


def _last_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _factory(func: ast.expr) -> bool:
    """`self.get_serializer`, `self.serializer_class`, `self.get_serializer_class()`."""
    if isinstance(func, ast.Call):
        func = func.func
    return isinstance(func, ast.Attribute) and (func.attr in SERIALIZER_FACTORIES or func.attr == "get_serializer_class")


def _hands_data(call: ast.Call) -> bool:
    """`Serializer(data=...)`, `Serializer(instance, payload)`, `Serializer(*args, **kwargs)`: it may take data."""
    return (any(k.arg in (None, "data") for k in call.keywords) or len(call.args) > 1
            or any(isinstance(a, ast.Starred) for a in call.args))
