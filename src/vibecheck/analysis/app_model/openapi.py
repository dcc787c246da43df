"""Connexion's routes, which live in an OpenAPI document beside the code, not in it.

Connexion (2 and 3: `connexion.App`, `FlaskApp`, `AsyncApp`; `app.add_api("openapi.yaml")`) routes each operation of an
OpenAPI or Swagger document to the function its `operationId` names (`clinic.appointments.get_appointment`, or
`get_appointment` under an `x-openapi-router-controller: clinic.appointments`; without one, what `RestyResolver` makes of
the path: `api.pets.search` for `GET /pets`). The handler module shows no decorator,
so a rule that judges a handler from inside asks `operations_for(path)` which of its functions the documents near it
route, with their methods, path parameters and security: an operation's `security` replaces the document's, and an
empty list (or an empty requirement, `[{}]`) lets anyone in.

The documents are data: they are read with a YAML or JSON parser, never executed, and one that does not parse, or
is no OpenAPI document, routes nothing. Where they are looked for: the handler's folder and the folders above it up
to its project's root (a folder holding `pyproject.toml`, `setup.py`, `setup.cfg` or `.git`, at most `LEVELS` up),
by name (`openapi.yaml`, `swagger.json`, `api-v1.yml`), any YAML or JSON document in a conventional folder of
those (`spec/`, `openapi/`, ...), and the documents a module in those folders names to Connexion
(`app.add_api("resty-api.yaml")`, `add_api(Path(__file__).parent / "specs" / "v2.yml")`), read relative to that module's
folder and to the `specification_dir` it names, from the module's text (never run). `openapi_inputs` puts those files
(and the modules naming them) into the checked file's cache key (a `Rule.cache_inputs` function), so an edit of the
document re-checks its handlers.

An operation without an `operationId` is routed only by a resolver (`RestyResolver`), whose convention would make a
route of any document's path: such operations count only where the project shows it uses Connexion (a module in those
folders imports `connexion`, or the project root's dependency files name it).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vibecheck import key_answers, key_texts, listings
from vibecheck.patterns import lazy_pattern
from vibecheck.safe_files import NotRegularFileError, read_regular_file

LEVELS = 4  # the handler's folder and three above
SIZE_LIMIT = 2_000_000
SPEC_FILE = lazy_pattern(r"^(?:openapi|swagger|api)[\w.-]*\.(?:ya?ml|json)$", re.IGNORECASE)
DOCUMENT_FILE = lazy_pattern(r"\.(?:ya?ml|json)$", re.IGNORECASE)
SPEC_FOLDERS = ("api", "openapi", "spec", "specs", "specification", "swagger")
ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
# An OpenAPI or Swagger document says so at its top level: read no other YAML or JSON file further.
SPEC_KEY = lazy_pattern(r"""^[ \t]*(?:\{\s*)?["']?(?:openapi|swagger)["']?[ \t]*:""", re.MULTILINE)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
CONTROLLER_KEYS = ("x-openapi-router-controller", "x-swagger-router-controller")
PATH_TEMPLATE = lazy_pattern(r"\{(\w+)\}")
# What a module gives Connexion: `add_api(<document>)`, `specification_dir=<folder>`, `import connexion`.
ADD_API = lazy_pattern(r"\badd_api\(")
SPECIFICATION_DIR = lazy_pattern(r"\bspecification_dir[ \t]*=([^\n]{0,200})")
STRING_LITERAL = lazy_pattern(r"""["']([^"'\n]*)["']""")
DOCUMENT_NAME = lazy_pattern(r"\.(?:ya?ml|json)$", re.IGNORECASE)
CONNEXION_IMPORT = lazy_pattern(r"^[ \t]*(?:import|from)[ \t]+connexion\b", re.MULTILINE)
# The project root's files that declare its dependencies: one naming `connexion` shows the project uses it.
DEPENDENCY_FILES = lazy_pattern(r"^(?:pyproject\.toml|setup\.cfg|setup\.py|Pipfile|requirements[\w.-]*\.(?:txt|in))$")
CONNEXION_WORDS = (b"add_api", b"connexion")  # a module with neither names no document and imports no Connexion
CONNEXION_QUESTION = "mentions:" + "|".join(word.decode() for word in CONNEXION_WORDS)
CALL_SPAN = 400  # characters of an `add_api(` call read for the document's name


@dataclass(frozen=True)
class Operation:
    """What the documents say of one handler: every operation routed to it, merged."""

    methods: frozenset[str]
    paths: tuple[str, ...]
    path_params: frozenset[str]
    secured: bool  # every operation routed to it requires a security scheme
    scopes: tuple[str, ...]  # the scopes (roles) its security requirements ask for
    # (method, path, secured, opened: its own `security: []` lets anyone in on purpose) of each operation
    routes: tuple[tuple[str, str, bool, bool], ...] = ()


@dataclass(frozen=True)
class _Routed:
    module: str
    function: str
    method: str
    path: str
    secured: bool
    scopes: tuple[str, ...]
    opened: bool  # its own `security` lets anyone in
    by_resolver: bool = False  # no `operationId`: only a resolver's convention routes it


@dataclass(frozen=True)
class _Modules:
    """What the Python modules of one folder tell Connexion: the documents they name and whether they import it."""

    documents: tuple[str, ...]
    sources: tuple[str, ...]  # the modules that name a document or import Connexion (for the cache key)
    connexion: bool


def operations_for(path: str) -> dict[str, Operation]:
    """The module-level functions of the file at `path` that an OpenAPI document near it routes, by name."""
    specs = spec_files(path)
    if not specs:  # most files: no document near them, and no need to name their module
        return {}
    tails = _module_tails(path)
    folder = os.path.dirname(os.path.abspath(path))
    connexion = any(_modules(f).connexion for f in _folders(folder))
    found: dict[str, list[_Routed]] = {}
    for spec in specs:
        for routed in _parsed(spec):
            if (connexion or not routed.by_resolver) and tails.get(routed.module.count(".") + 1) == routed.module:
                found.setdefault(routed.function, []).append(routed)
    return {name: Operation(frozenset(r.method for r in routes), tuple(sorted({r.path for r in routes})),
                            frozenset(p for r in routes for p in PATH_TEMPLATE.findall(r.path)),
                            all(r.secured for r in routes), tuple(sorted({s for r in routes for s in r.scopes})),
                            tuple((r.method, r.path, r.secured, r.opened) for r in routes))
            for name, routes in found.items()}


def spec_files(path: str) -> tuple[str, ...]:
    """The files near the file at `path` that may be an OpenAPI document (`_folder_candidates`, up to its root)."""
    return _specs_from(os.path.dirname(os.path.abspath(path)))


def openapi_inputs(path: str) -> str:
    """Name, size and modification time of the documents `operations_for` may read for the file at `path`."""
    return _digest(os.path.dirname(os.path.abspath(path)))


def _clear() -> None:
    _folders.cache_clear()
    _folder_candidates.cache_clear()
    _modules.cache_clear()
    _specs_from.cache_clear()
    _digest.cache_clear()
    _parsed.cache_clear()


openapi_inputs.cache_clear = _clear  # type: ignore[attr-defined]  # the cache calls it when a run starts


@functools.lru_cache(maxsize=1024)
def _folders(folder: str, levels: int = LEVELS) -> tuple[str, ...]:
    """The folder and those above it, up to its project's root, at most `levels`."""
    parent = os.path.dirname(folder)
    if levels > 1 and parent != folder and not any(listings.exists(folder, marker) for marker in ROOT_MARKERS):
        return (folder, *_folders(parent, levels - 1))
    return (folder,)


@functools.lru_cache(maxsize=1024)
def _specs_from(folder: str) -> tuple[str, ...]:
    found = [spec for f in _folders(folder) for spec in (*_folder_candidates(f), *_modules(f).documents)]
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=1024)
def _digest(folder: str) -> str:
    return listings.stat_digest((*_specs_from(folder), *(s for f in _folders(folder) for s in _modules(f).sources)))


@functools.lru_cache(maxsize=1024)
def _folder_candidates(folder: str) -> tuple[str, ...]:
    """The folder's files that may be an OpenAPI document: once per folder, which every folder below it asks again."""
    return tuple(_candidates_in(folder))


def _candidates_in(folder: str) -> Iterator[str]:
    entries = listings.entries(folder)
    for name, entry in entries.items():
        if SPEC_FILE.match(name) and not listings.is_dir(entry):
            yield entry.path
    for name in SPEC_FOLDERS:
        folder_entry = entries.get(name)
        if folder_entry is not None and listings.is_dir(folder_entry):
            yield from (inner.path for inner_name, inner in listings.entries(folder_entry.path).items()
                        if DOCUMENT_FILE.search(inner_name) and not listings.is_dir(inner))


@functools.lru_cache(maxsize=1024)
def _modules(folder: str) -> _Modules:
    """The documents the folder's modules name to Connexion (`add_api(...)`), read from their text."""
    documents: list[str] = []
    sources: list[str] = []
    connexion = False
    for name, entry in listings.entries(folder).items():
        dependencies = DEPENDENCY_FILES.match(name) is not None
        if not (name.endswith(".py") or dependencies) or listings.is_dir(entry):
            continue
        try:
            if dependencies:
                connexion = connexion or b"connexion" in key_texts.file_bytes(entry.path, SIZE_LIMIT).lower()
                continue
            if not key_answers.ask(entry.path, CONNEXION_QUESTION, _mentions_connexion, SIZE_LIMIT):
                continue  # most modules: answered without a read when unchanged
            data = key_texts.file_bytes(entry.path, SIZE_LIMIT)
        except OSError:
            continue
        text = data.decode("utf-8", "replace")
        named = _named_documents(text, folder)
        imports = CONNEXION_IMPORT.search(text) is not None
        if named or imports:
            sources.append(entry.path)
        documents += named
        connexion = connexion or imports
    return _Modules(tuple(documents), tuple(sources), connexion)


def _mentions_connexion(data: bytes) -> bool:
    return any(word in data for word in CONNEXION_WORDS)


def _named_documents(text: str, folder: str) -> list[str]:
    """The existing files a module's `add_api(...)` calls name: the string literals of the first argument joined
    (`Path(__file__).parent / "specs" / "v2.yml"`), relative to the module's folder or its `specification_dir`."""
    bases = [folder] + [os.path.join(folder, *parts) for match in SPECIFICATION_DIR.finditer(text)
                        if (parts := STRING_LITERAL.findall(_first_argument(match.group(1))))]
    found: list[str] = []
    for match in ADD_API.finditer(text):
        parts = STRING_LITERAL.findall(_first_argument(text[match.end():match.end() + CALL_SPAN]))
        if not parts or not DOCUMENT_NAME.search(parts[-1]):
            continue
        found += [path for base in bases if os.path.isfile(path := os.path.normpath(os.path.join(base, *parts)))]
    return found


def _first_argument(text: str) -> str:
    """The text up to the first comma or closing bracket outside brackets: a call's first argument."""
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}" or (char == "," and depth == 0):
            if depth == 0:
                return text[:index]
            depth -= 1
    return text


def _module_tails(path: str) -> dict[int, str]:
    """The file's module name ending with each number of its parts: {1: "appointments", 2: "clinic.appointments"}."""
    parts = os.path.abspath(path).split(os.sep)
    parts[-1] = parts[-1].rpartition(".")[0]
    if parts[-1] == "__init__":
        parts.pop()
    parts = [p for p in parts if p][-16:]
    return {n: ".".join(parts[-n:]) for n in range(1, len(parts) + 1)}


@functools.lru_cache(maxsize=64)
def _parsed(spec: str) -> tuple[_Routed, ...]:
    """The operations of an OpenAPI or Swagger document, none when it is not one or does not parse."""
    try:
        data = read_regular_file(spec, SIZE_LIMIT)
    except (OSError, NotRegularFileError):
        return ()
    if not SPEC_KEY.search(data[:4096].decode("latin-1")):
        return ()
    document = _load(data, json_text=spec.lower().endswith(".json"))
    return tuple(_operations(document)) if isinstance(document, dict) else ()


def _load(data: bytes, *, json_text: bool) -> Any:
    """The document's data, None when it does not parse: JSON with `json`, YAML with PyYAML's safe loader (bandit's
    dependency), which builds plain data and runs nothing."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        if json_text:
            return None
    try:
        import yaml
    except ImportError:
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 -- a safe loader: plain data only  # nosec B506
    except (yaml.YAMLError, ValueError, RecursionError):
        return None


def _operations(document: dict[Any, Any]) -> Iterator[_Routed]:
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    default = _requirements(document.get("security"))
    for path, item in paths.items():
        if not isinstance(path, str) or not isinstance(item, dict):
            continue
        path_controller = _controller(item)
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            controller = _controller(operation) or path_controller
            by_resolver = "operationId" not in operation
            target = _resty_target(path, method, controller) if by_resolver \
                else _target(operation.get("operationId"), controller)
            if target is None:
                continue
            own = _requirements(operation.get("security")) if "security" in operation else None
            requirements = own if own is not None else default
            secured = bool(requirements) and all(r is not None for r in requirements or ())
            scopes = tuple(s for r in requirements or () for s in r or ()) if secured else ()
            yield _Routed(target[0], target[1], method.upper(), path, secured, scopes, own is not None and not secured,
                          by_resolver)


def _requirements(value: Any) -> list[tuple[str, ...] | None] | None:
    """A `security` list (None when it is none): per requirement, the scopes it asks for; an empty requirement (`{}`,
    anyone may call) is None."""
    if not isinstance(value, list):
        return None
    return [tuple(str(s) for scopes in r.values() if isinstance(scopes, list) for s in scopes)
            if isinstance(r, dict) and r else None for r in value]


def _controller(node: dict[Any, Any]) -> str | None:
    for key in CONTROLLER_KEYS:
        value = node.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _resty_target(path: str, method: str, controller: str | None) -> tuple[str, str] | None:
    """What Connexion's `RestyResolver("api")` routes an operation without `operationId` to: the path's first segment
    names the module (`/pets/{pet_id}` -> `api.pets`, or the operation's controller), whose `search` answers a GET of
    the collection (`/pets`), `get` any other GET, `post`, `put`, `patch` and `delete` their methods. The resolver's
    package is named in the app's file, not here: the module is matched by its last part (a document that Connexion
    serves has an `operationId` on every operation unless a resolver finds the function)."""
    resource, _, rest = path.strip("/").partition("/")
    module = controller or resource.replace("-", "_")
    if not module or not all(p.isidentifier() for p in module.split(".")):
        return None
    if method != "get":
        return module, method
    return module, "get" if rest else "search"


def _target(operation_id: Any, controller: str | None) -> tuple[str, str] | None:
    """(module, function) of an `operationId`, under its controller when one is given."""
    if not isinstance(operation_id, str) or not operation_id:
        return None
    dotted = f"{controller}.{operation_id}" if controller else operation_id
    module, _, function = dotted.rpartition(".")
    if not module or not function.isidentifier() or not all(p.isidentifier() for p in module.split(".")):
        return None
    return module, function
