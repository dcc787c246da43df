"""Fields of a class defined beside the checked file: a Django model's plain-text fields, a Pydantic schema's fields.

A per-file rule cannot tell a book's `author` typed as text (`models.CharField`) from an account picked by id
(`models.ForeignKey(User)`) when the model lives in another file, nor which fields a FastAPI body lets the client send
when its schema lives in `schemas.py`. By convention a form imports its model, a router its schemas, from its own
package (`from .models import Book`, `from .schemas import NoteUpdate`) or the package above (`from ..schemas import
NoteUpdate` in `routers/notes.py`), so that one module beside the checked file, or one package up, is read, with `ast`,
once per run. Only modules with a conventional name (`SIBLING_MODULES`) are read, and `sibling_models_inputs` puts them
into the checked file's cache key.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from vibecheck import key_answers
from vibecheck.patterns import lazy_pattern
from vibecheck.safe_files import parsed_module

# Model, form and serializer fields, and form widgets, that hold plain text (`models.CharField`, `forms.Textarea`).
TEXT_FIELD_TYPES = frozenset({"CharField", "TextField", "SlugField", "EmailField", "URLField", "TextInput", "Textarea"})
# Larger model modules are not read: a generated or vendored file, not an app's models.
SIZE_LIMIT = 2_000_000
Answer = TypeVar("Answer")
# The modules beside a file that may define its models and schemas (as `name.py` or a package `name/`).
SIBLING_MODULES = ("models", "schemas", "schema", "serializers", "dto", "dtos", "entities", "payloads")
# Model fields that point at one row of another model: an owner when that model is the user model.
RELATION_FIELD_TYPES = frozenset({"ForeignKey", "OneToOneField"})
# Calls in a field's definition that tie a row to another row (Django's relations, SQLAlchemy's `ForeignKey` inside a
# `Column`, a `relationship()`): the other row may belong to a user, so the row does too.
LINKING_CALLS = RELATION_FIELD_TYPES | frozenset({"ManyToManyField", "GenericForeignKey", "ForeignKey", "relationship"})
# Calls in a model's class body that declare its relations by name (Emmett's `belongs_to("user", "notebook")`,
# `has_many("notes")`, `has_one`, `refers_to`): the row is tied to other rows, whose owner may be its owner.
RELATION_DECLARATIONS = frozenset({"belongs_to", "has_many", "has_one", "refers_to"})
# Words of a field name that say whose row it is.
OWNER_FIELD_WORDS = frozenset({"user", "owner", "author", "account", "tenant", "org", "organization", "team", "member",
                               "creator", "customer", "profile", "group", "company", "workspace", "client"})
# Words of a field that names the user a membership row admits (`user_id`, `member`).
MEMBER_FIELD_WORDS = frozenset({"user", "member", "account", "owner"})
# Field names that hold another row's id or a person without declaring a relation (`reporter_id`, `created_by`).
LINKING_SUFFIXES = ("_id", "_by", "_uid", "_email")
# Bases whose own fields are known (none): a model that derives from another class may inherit an owner.
PLAIN_MODEL_BASES = frozenset({"Model", "Base", "DeclarativeBase"})
# Base classes of a request schema whose annotated fields a client may send.
SCHEMA_BASES = frozenset({"BaseModel", "Schema", "SQLModel"})


def text_fields(path: str, reference: str) -> frozenset[str]:
    """The plain-text fields of the model that `reference` names as imported in the file at `path`
    (`.models.Book`, from `from .models import Book`): empty when it is not a module of the file's own package."""
    found = _sibling_module(path, reference, any_module=True)
    calls = _field_calls_in(found[0]).get(found[1], ()) if found is not None else ()
    return frozenset(field for field, call in calls if _called_name(call.func) in TEXT_FIELD_TYPES)


def schema_fields(path: str, reference: str) -> tuple[str, ...]:
    """The annotated fields of the Pydantic (or SQLModel, Ninja, Strawberry input) schema that `reference` names as
    imported in the file at `path` (`.schemas.NoteUpdate`), with those it inherits from schemas of the same module;
    empty when it is no schema of a sibling module."""
    found = _sibling_module(path, reference)
    return _schema_fields_in(found[0]).get(found[1], ()) if found is not None else ()


def loadable_fields(path: str, reference: str) -> tuple[str, ...]:
    """The fields a client may send to the marshmallow schema that `reference` names, as imported in the file at `path`
    (`.schemas.ItemUpdateSchema`) or defined in it (`ItemUpdateSchema`): each field its body assigns by a call
    (`owner_id = fields.Int()`) but those only dumped (`dump_only=True`)."""
    found = _sibling_module(path, reference) if "." in reference else (path, reference)
    calls = _field_calls_in(found[0]).get(found[1], ()) if found is not None else ()
    return tuple(field for field, call in calls if not any(
        k.arg == "dump_only" and isinstance(k.value, ast.Constant) and k.value.value is True for k in call.keywords))


def is_sibling_schema(path: str, reference: str) -> bool:
    """`reference`, as imported in the file at `path` (`langserve.validation.StreamLogParameters`), names a Pydantic
    (or SQLModel, Ninja, Strawberry input) schema of a module beside the file, whatever the module is called."""
    found = _sibling_module(path, reference, any_module=True)
    return found is not None and found[1] in _schema_fields_in(found[0])


def sibling_classes(path: str, reference: str) -> tuple[ast.ClassDef, ...]:
    """The class that `reference` names as imported in the file at `path` (`.schemas.Paging`) in a model or schema
    module beside the file, then the classes of that module it derives from, nearest first; empty when it is none."""
    found = _sibling_module(path, reference)
    if found is None:
        return ()
    classes = _classes_in(found[0])
    chain: list[ast.ClassDef] = []
    pending = [found[1]]
    while pending:
        node = classes.get(pending.pop(0))
        if node is not None and node not in chain:
            chain.append(node)
            pending.extend(_called_name(base) for base in node.bases)
    return tuple(chain)


def owner_fields(path: str, reference: str) -> frozenset[str]:
    """The fields of the Django model that `reference` names as imported in the file at `path` (`.models.Invoice`)
    that point at the user model (`owner = models.ForeignKey(settings.AUTH_USER_MODEL, ...)`): each row belongs to
    a user. Empty when the model is no class of a module beside the file."""
    found = _sibling_module(path, reference, any_module=True)
    calls = _field_calls_in(found[0]).get(found[1], ()) if found is not None else ()
    return frozenset(field for field, call in calls
                     if _called_name(call.func) in RELATION_FIELD_TYPES and _points_at_user_model(call))


def ownerless_model(path: str, reference: str) -> bool:
    """The model that `reference` names, defined beside the file at `path`, is a plain model (`models.Model`,
    `db.Model`) whose fields name no owner and link to no other row, nor does its body declare a relation (Emmett's
    `belongs_to("user")`) (a shared `Server` inventory, a `Setting`): each
    signed-in user may reach every row by design. False when the model is not found or its fields are not all read."""
    found = _sibling_module(path, reference, any_module=True)
    tree = _parsed(found[0]) if found is not None else None
    model = next((node for node in (tree.body if tree is not None else ())
                  if isinstance(node, ast.ClassDef) and found is not None and node.name == found[1]), None)
    if tree is None or model is None or not model.bases \
            or any(_called_name(b) not in PLAIN_MODEL_BASES for b in model.bases):
        return False
    fields = [statement for statement in model.body if isinstance(statement, (ast.Assign, ast.AnnAssign))]
    named = [(target.id, statement) for statement in fields
             for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
             if isinstance(target, ast.Name)]
    names = [name for name, _ in named]
    linking = any(isinstance(node, ast.Call) and _called_name(node.func) in LINKING_CALLS
                  for statement in fields for node in ast.walk(statement)) or any(
        isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
        and _called_name(statement.value.func) in RELATION_DECLARATIONS for statement in model.body)
    # a text field named like an owner holds a name, not a user (a book's `author = models.CharField(...)`)
    text = {name for name, statement in named if _holds_text(statement)}
    return bool(names) and not linking and not any(
        (OWNER_FIELD_WORDS & set(name.lower().split("_")) and name not in text) or name.endswith(LINKING_SUFFIXES)
        for name in names) and not _joined_to_members(tree, model.name)


def _holds_text(statement: ast.Assign | ast.AnnAssign) -> bool:
    """`author = models.CharField(max_length=200)`: a model field of plain text."""
    value = statement.value
    return isinstance(value, ast.Call) and _called_name(value.func) in TEXT_FIELD_TYPES


def _joined_to_members(tree: ast.Module, model: str) -> bool:
    """Another model of the module ties rows of `model` to users (`Membership` with `user_id` and `room_id`): its rows
    are reached through that membership, not shared with everyone."""
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in model).lstrip("_")
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.name == model:
            continue
        names = {target.id for statement in node.body if isinstance(statement, (ast.Assign, ast.AnnAssign))
                 for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
                 if isinstance(target, ast.Name)}
        if names & {snake, f"{snake}_id"} and any(MEMBER_FIELD_WORDS & set(name.split("_")) for name in names):
            return True
    return False


def _sibling_module(path: str, reference: str, *, any_module: bool = False) -> tuple[str, str] | None:
    """(module file, class name) of `.module.Class` when the module lies beside `path` or one package up
    (`..schemas.Class`, a router's package importing its app's schemas) and is one of `SIBLING_MODULES` (or any, for a
    Django form's model: a model module is named so by Django's convention)."""
    module, _, name = reference.rpartition(".")
    folder = Path(os.path.dirname(os.path.abspath(path)))
    module = _as_package_above(module, folder)
    if module.startswith("..") and not module.startswith("..."):  # `from ..schemas import X` in `routers/notes.py`
        folder, module = folder.parent, module[1:]
    parts = _below_own_package(module, folder)
    if not parts or not name or (not any_module and parts[0] not in SIBLING_MODULES):
        return None
    for candidate in (folder.joinpath(*parts[:-1], parts[-1] + ".py"), folder.joinpath(*parts, "__init__.py")):
        if candidate.is_file():
            return str(candidate), name
    return None


def _as_package_above(module: str, folder: Path) -> str:
    """`crm.schemas` imported in `crm/routers/deals.py` (or `project.crm.schemas`, from the import root above) names the
    module `..schemas` names there: the app's package, one up. A module of the file's own package keeps its name."""
    parts = module.split(".")
    if module.startswith(".") or _below_own_package(module, folder) != parts:
        return module
    above = [parent.name for parent in folder.parents]
    for depth in range(1, len(parts)):
        if parts[:depth] == above[:depth][::-1]:
            return ".." + ".".join(parts[depth:])
    return module


def _below_own_package(module: str, folder: Path) -> list[str]:
    """The parts of `module` below the package of `folder`: `models` for `.models`, and for `shop.models` (or
    `project.shop.models`) when the folder is that package (`project/shop/`); otherwise the module's own parts, for
    an app whose folder is its import root (`from schemas import NoteIn` beside `main.py`): the caller looks for
    them beside the file, so a module that is not there (`django.contrib.auth.models`) is found nowhere."""
    if module.startswith("."):
        return [] if module.startswith("..") else module[1:].split(".")
    parts = module.split(".")
    packages = [folder.name, *(parent.name for parent in folder.parents)]
    for depth in range(1, len(parts)):
        if parts[:depth] == packages[:depth][::-1]:
            return parts[depth:]
    return parts


@functools.lru_cache(maxsize=256)
def _parsed(module_path: str) -> ast.Module | None:
    return parsed_module(module_path, SIZE_LIMIT)


@functools.lru_cache(maxsize=256)
def _schema_fields_in(module_path: str) -> dict[str, tuple[str, ...]]:
    """Each schema class of a module -> its annotated fields, inherited ones (from the same module) first."""
    tree = _parsed(module_path)
    found: dict[str, tuple[str, ...]] = {}
    for node in tree.body if tree is not None else ():
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [_called_name(b) for b in node.bases]
        if SCHEMA_BASES.isdisjoint(bases) and not any(b in found for b in bases) and not _is_input_class(node):
            continue
        own = tuple(s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name))
        found[node.name] = tuple(f for b in bases for f in found.get(b, ())) + own
    return found


@functools.lru_cache(maxsize=256)
def _classes_in(module_path: str) -> dict[str, ast.ClassDef]:
    tree = _parsed(module_path)
    return {node.name: node for node in (tree.body if tree is not None else ()) if isinstance(node, ast.ClassDef)}


@functools.lru_cache(maxsize=256)
def _field_calls_in(module_path: str) -> dict[str, tuple[tuple[str, ast.Call], ...]]:
    """Each class of a module -> (name, call) for each field its body assigns by a call (`author =
    models.CharField(...)`, `owner = models.ForeignKey(User, ...)`)."""
    tree = _parsed(module_path)
    return {node.name: tuple(
        (target.id, statement.value) for statement in node.body
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)
        for target in statement.targets if isinstance(target, ast.Name))
        for node in (tree.body if tree is not None else ()) if isinstance(node, ast.ClassDef)}


def _points_at_user_model(field: ast.Call) -> bool:
    """`ForeignKey(User)`, `(settings.AUTH_USER_MODEL)`, `(get_user_model())`, `(to="accounts.CustomUser")`."""
    target = field.args[0] if field.args else next((k.value for k in field.keywords if k.arg == "to"), None)
    if isinstance(target, ast.Constant) and isinstance(target.value, str):
        return target.value.rpartition(".")[2].endswith("User")
    if isinstance(target, ast.Call):
        return _called_name(target.func) == "get_user_model"
    name = _called_name(target) if target is not None else ""
    return name == "AUTH_USER_MODEL" or name.endswith("User")


def _is_input_class(node: ast.ClassDef) -> bool:
    """`@strawberry.input` (or `@strawberry.input(...)`): a class whose fields a GraphQL client sends."""
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr == "input" and isinstance(target.value, ast.Name) \
                and target.value.id == "strawberry":
            return True
    return False


def _called_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


class SiblingModelsInputs:
    """A digest of the model and schema modules beside the file at `path` (`models.py`, `schemas/*.py`, ...), which
    `text_fields`, `owner_fields` and `schema_fields` may read (of a package, `__init__.py` and the submodules the file
    names): a `Rule.cache_inputs` function. The cache calls `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        folder = os.path.dirname(os.path.abspath(path))
        beside, above = _folder_modules(folder), _folder_modules(os.path.dirname(folder))
        if not above and not any(stem for stem, _ in beside):
            return _folder_digest(folder)
        # one package up only for a file that imports from there: with every file keyed on it, an edit of any module
        # of `django/db/models/` made every file of `django/db/*/` miss the cache (a 10-file pre-commit run 0.6 -> 3 s)
        reaches_up = bool(above) and _asked(path, "imports-package-up", lambda text: _imports_one_package_up(path, text),
                                            True)
        up = above if reaches_up else ()
        stems = sorted({stem for stem, _ in (*beside, *up) if stem})
        named = set(_asked(path, "names:" + ",".join(stems), lambda text: [s for s in stems if _names(text, s)],
                           stems)) if stems else set()
        return _digest_of(_named_in(beside, named)) + (_digest_of(_named_in(up, named)) if up else "")

    def cache_clear(self) -> None:
        _folder_digest.cache_clear()
        _folder_modules.cache_clear()
        _parsed.cache_clear()
        _field_calls_in.cache_clear()
        _schema_fields_in.cache_clear()
        _classes_in.cache_clear()
        _shapes_in.cache_clear()


# `from ..schemas import X`, `from .. import models`: what `_sibling_module` reads one package up.
ONE_PACKAGE_UP_IMPORT = lazy_pattern(r"from[ \t]+\.\.(?:(?:" + "|".join(SIBLING_MODULES) + r")\b|[ \t]+import\b)")


def _asked(path: str, question: str, compute: Callable[[str], Answer], unreadable: Answer) -> Answer:
    """`compute(the file's text)`, kept with the cache's record of the file (`key_answers`: a warm run reads no file
    it checked before); `unreadable` when the file cannot be read."""
    try:
        return key_answers.ask(path, question, lambda data: compute(data.decode("latin-1")))
    except OSError:
        return unreadable


def _names(text: str, stem: str) -> bool:
    return stem in text and re.search(rf"\b{re.escape(stem)}\b", text) is not None


def _named_in(modules: tuple[tuple[str, str], ...], named: set[str] | list[str]) -> tuple[tuple[str, str], ...]:
    """The sibling modules a reference of the file may read: a module file itself (`models.py`) or a package's
    `__init__.py` always, a package's submodule (`models/enums.py`) only when the file names it (`named`: a reference
    reaches it only as `.models.enums.X`, `from .models import enums`, ...; all of them when its text cannot be read).
    A Django module of `django/db/` was keyed on each of `django/db/models/*.py`: an edit of `enums.py` checked six
    files again."""
    return tuple((stem, line) for stem, line in modules if not stem or stem in named)


def _digest_of(modules: tuple[tuple[str, str], ...]) -> str:
    digest = hashlib.sha256()
    for _, line in modules:
        digest.update(line.encode())
    return digest.hexdigest()


def _imports_one_package_up(path: str, text: str) -> bool:
    """Whether the file's text imports a sibling module of the package above, relatively or by the package's name
    (`from crm.schemas import` in `crm/routers/`)."""
    if ONE_PACKAGE_UP_IMPORT.search(text) is not None:
        return True
    folder = os.path.dirname(os.path.abspath(path))
    package, own = os.path.basename(os.path.dirname(folder)), os.path.basename(folder)
    # an import statement (`from crm.schemas import`, `from project.crm.schemas import`), not any mention, and not of
    # the file's own package (`django.db.models` in `django/db/models/query.py`): each such file is keyed on its package's
    # siblings, so an edit of one of them checks it again
    names = "|".join(name for name in SIBLING_MODULES if name != own)
    if not package or f"{package}." not in text:  # in any such import; most files lack it, and the search scans each line
        return False
    return re.search(rf"(?m)^[ \t]*(?:from|import)[ \t]+(?:\w+\.)*{re.escape(package)}\.(?:{names})\b", text) is not None


@functools.lru_cache(maxsize=1024)
def _folder_digest(folder: str) -> str:
    """Name, size and modification time of the sibling modules of `folder`, from one listing of it (a warm run asks
    for every folder of the project: a `stat` per candidate name cost more than the rest of its key)."""
    return _digest_of(_folder_modules(folder))


@functools.lru_cache(maxsize=1024)
def _folder_modules(folder: str) -> tuple[tuple[str, str], ...]:
    """The sibling modules of `folder`, each as (its stem inside a package, or "" for a module file or a package's
    `__init__.py`; the line of its name, size and modification time)."""
    modules: list[tuple[str, str]] = []
    entries = _listing(folder)
    for name in SIBLING_MODULES:
        found = [("", f"{name}.py", entries.get(f"{name}.py"))]
        package = entries.get(name)
        if package is not None and package.is_dir():
            inside = _listing(package.path)
            found += [("" if file == "__init__.py" else file[:-3], f"{name}/{file}", inside[file]) for file in sorted(inside)
                      if file.endswith(".py") and not file.startswith(".")]
        for stem, relative, entry in found:
            try:
                stat = entry.stat() if entry is not None else None
            except OSError:
                stat = None
            if stat is not None:
                modules.append((stem, f"{relative}:{stat.st_size}:{stat.st_mtime_ns}\n"))
    return tuple(modules)


def _listing(folder: str) -> dict[str, os.DirEntry[str]]:
    """The entries of a folder by name; none when it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name: entry for entry in entries}
    except OSError:
        return {}


sibling_models_inputs = SiblingModelsInputs()


# Django's user bases: a model derived from one has their `password` column.
DJANGO_USER_BASES = frozenset({"AbstractUser", "AbstractBaseUser", "User"})
DJANGO_USER_COLUMNS = ("password",)
# What a method's body reads to list every column of its row: `self.__table__.columns`, `self.__dict__`, `vars(self)`.
EVERY_COLUMN_SIGNS = frozenset({"__table__", "__dict__", "__mapper__", "columns", "_meta"})
EVERY_COLUMN_CALLS = frozenset({"vars", "model_to_dict", "asdict", "inspect"})


# Bases of a class whose rows are stored: ORM models (`db.Model`, `models.Model`, a declarative `Base`), Django's user
# bases, MongoEngine documents. A Pydantic schema is what a request or a response carries, not a stored record.
STORED_BASES = frozenset({"Model", "Base", "DeclarativeBase", "Document", "DynamicDocument", *DJANGO_USER_BASES})
# `class User(SQLModel, table=True)`: a SQLModel class with a table.
TABLE_KEYWORD = "table"


@dataclass(frozen=True)
class ModelShape:
    """A class's columns (its own and those of the bases of the same module), per method that answers a dict of the
    row (`to_dict`) the keys it writes or None when it writes every column, and whether its rows are stored."""

    columns: tuple[str, ...]
    dumps: dict[str, tuple[str, ...] | None]
    stored: bool = True


def model_shape(path: str, reference: str) -> ModelShape | None:
    """The shape of the class that `reference` names as imported in the file at `path` (`.models.User`), when a
    module beside the file defines it; None otherwise."""
    found = _sibling_module(path, reference, any_module=True)
    return _shapes_in(found[0]).get(found[1]) if found is not None else None


@functools.lru_cache(maxsize=256)
def _shapes_in(module_path: str) -> dict[str, ModelShape]:
    tree = _parsed(module_path)
    return shapes_of(tree) if tree is not None else {}


def shapes_of(tree: ast.Module) -> dict[str, ModelShape]:
    """Each class of a module -> its shape."""
    found: dict[str, ModelShape] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        columns: list[str] = []
        dumps: dict[str, tuple[str, ...] | None] = {}
        bases = [_called_name(b) for b in node.bases]
        stored = any(base in STORED_BASES or (base in found and found[base].stored) for base in bases) or any(
            keyword.arg == TABLE_KEYWORD for keyword in node.keywords)
        for base in bases:
            inherited = found.get(base)
            columns.extend(inherited.columns if inherited is not None else
                           DJANGO_USER_COLUMNS if base in DJANGO_USER_BASES else ())
            dumps.update(inherited.dumps if inherited is not None else {})
        for statement in node.body:
            if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                columns.extend(target.id for target in targets if isinstance(target, ast.Name))
            elif isinstance(statement, ast.FunctionDef):
                keys = _dumped_keys(statement)
                if keys != ():
                    dumps[statement.name] = keys
        found[node.name] = ModelShape(tuple(dict.fromkeys(columns)), dumps, stored)
    return found


def _dumped_keys(method: ast.FunctionDef) -> tuple[str, ...] | None:
    """The keys of the dict a method returns (`{"id": self.id, ...}`), None when it lists every column
    (`{c.name: getattr(self, c.name) for c in self.__table__.columns}`), () when it returns no dict of the row."""
    keys: list[str] = []
    for node in ast.walk(method):
        if isinstance(node, ast.Attribute) and node.attr in EVERY_COLUMN_SIGNS:
            return None
        if isinstance(node, ast.Call) and _called_name(node.func) in EVERY_COLUMN_CALLS and any(
                isinstance(arg, ast.Name) and arg.id == "self" for arg in node.args):
            return None
        if isinstance(node, ast.Dict):
            keys.extend(key.value for key in node.keys if isinstance(key, ast.Constant) and isinstance(key.value, str))
    return tuple(keys)
