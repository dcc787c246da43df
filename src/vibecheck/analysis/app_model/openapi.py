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
by name (`openapi.yaml`, `swagger.json`, `api-v1.yml`) and any YAML or JSON document in a conventional folder of
those (`spec/`, `openapi/`, ...). `openapi_inputs` puts those files into the checked file's cache key (a
`Rule.cache_inputs` function), so an edit of the document re-checks its handlers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vibecheck import listings
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


def operations_for(path: str) -> dict[str, Operation]:
    """The module-level functions of the file at `path` that an OpenAPI document near it routes, by name."""
    tails = _module_tails(path)
    found: dict[str, list[_Routed]] = {}
    for spec in spec_files(path):
        for routed in _parsed(spec):
            if tails.get(routed.module.count(".") + 1) == routed.module:
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
    _specs_from.cache_clear()
    _digest.cache_clear()
    _parsed.cache_clear()


openapi_inputs.cache_clear = _clear  # type: ignore[attr-defined]  # the cache calls it when a run starts


@functools.lru_cache(maxsize=1024)
def _specs_from(folder: str, levels: int = LEVELS) -> tuple[str, ...]:
    found = tuple(_folder_candidates(folder))
    parent = os.path.dirname(folder)
    if levels > 1 and parent != folder and not any(listings.exists(folder, marker) for marker in ROOT_MARKERS):
        found += _specs_from(parent, levels - 1)
    return found


@functools.lru_cache(maxsize=1024)
def _digest(folder: str) -> str:
    digest = hashlib.sha256()
    for spec in _specs_from(folder):
        try:
            stat = os.stat(spec)
        except OSError:
            continue
        digest.update(f"{spec}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _folder_candidates(folder: str) -> Iterator[str]:
    entries = listings.entries(folder)
    for name, entry in entries.items():
        if SPEC_FILE.match(name) and not listings.is_dir(entry):
            yield entry.path
    for name in SPEC_FOLDERS:
        folder_entry = entries.get(name)
        if folder_entry is not None and listings.is_dir(folder_entry):
            yield from (inner.path for inner_name, inner in listings.entries(folder_entry.path).items()
                        if DOCUMENT_FILE.search(inner_name) and not listings.is_dir(inner))


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
            target = _target(operation.get("operationId"), controller) if "operationId" in operation \
                else _resty_target(path, method, controller)
            if target is None:
                continue
            own = _requirements(operation.get("security")) if "security" in operation else None
            requirements = own if own is not None else default
            secured = bool(requirements) and all(r is not None for r in requirements or ())
            scopes = tuple(s for r in requirements or () for s in r or ()) if secured else ()
            yield _Routed(target[0], target[1], method.upper(), path, secured, scopes, own is not None and not secured)


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
