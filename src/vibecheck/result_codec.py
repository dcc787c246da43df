"""One file's result as JSON, and back: for the cache and for shard reports, never pickle.

A cache entry or a shard report may have been written by someone else (a shared checkout, a CI artefact),
so reading one must not run anything: the text is parsed by `json` and only the plain data classes listed
in `_CLASSES` are rebuilt from it, by their constructors. Anything else (an unknown class tag, a missing
or extra field, a wrong type) raises `ValueError`, and the caller treats the entry as absent.

JSON has no tuples, sets, enums or non-string keys; those are tagged (`{"$t": [...]}`), so a result
decodes equal to the one encoded (`round_trips` checks that before a result is cached).
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from vibecheck.model import Category, Confidence, Edit, EngineError, FileResult, Finding, Fix, Location, Position, Severity
from vibecheck.suppression import Suppression

_CLASSES: dict[str, type] = {cls.__name__: cls for cls in (
    FileResult, Finding, Location, Position, Fix, Edit, EngineError, Suppression)}
_ENUMS: dict[str, type[Enum]] = {cls.__name__: cls for cls in (Severity, Confidence, Category)}
_FIELDS: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _CLASSES.values()}
_FIELD_SETS: dict[type, frozenset[str]] = {cls: frozenset(fields) for cls, fields in _FIELDS.items()}


def encode(value: Any) -> Any:
    """`value` as JSON-able data: known data classes, enums, tuples, sets and other dicts tagged. (Plain values, lists
    and dicts are told by their exact type first: a cold run encodes a million values, mostly facts.)"""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is list:
        return [item if type(item) is str else encode(item) for item in value]
    if kind is dict:
        for key in value:
            if type(key) is not str or key[:1] == "$":
                break
        else:
            return {key: item if type(item) is str else encode(item) for key, item in value.items()}
    return _encode_other(value)


def _encode_other(value: Any) -> Any:
    """`encode` for the rest: subclasses of the plain types, enums, tuples, sets, tagged dicts and data classes."""
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Enum):
        name = type(value).__name__
        if name not in _ENUMS:
            raise ValueError(f"cannot encode the enum {name}")
        return {"$e": name, "v": value.value}
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$t": [encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"$fs" if isinstance(value, frozenset) else "$s": [encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {"$d": [[encode(k), encode(v)] for k, v in value.items()]}
    fields = _FIELDS.get(type(value))
    if fields is None:
        raise ValueError(f"cannot encode a {type(value).__name__}")
    encoded = {name: encode(getattr(value, name)) for name in fields}
    encoded["$c"] = type(value).__name__
    return encoded


def _decode_object(obj: dict[str, Any]) -> Any:
    """json's object hook: rebuild one tagged object (its members are decoded already). The common cases are
    tested first: a warm run decodes some 8,000 objects."""
    if "$c" in obj:
        cls = _CLASSES.get(obj.pop("$c"))
        if cls is None or not _FIELD_SETS[cls].issuperset(obj):
            raise ValueError("unknown class or field in the data")
        return cls(**obj)
    if not any(key[:1] == "$" for key in obj):
        return obj
    if len(obj) == 1:
        (tag, items), = obj.items()
        if tag == "$t" and isinstance(items, list):
            return tuple(items)
        if tag in ("$s", "$fs") and isinstance(items, list):
            return set(items) if tag == "$s" else frozenset(items)
        if tag == "$d" and isinstance(items, list):
            return {key: item for key, item in items}
    if set(obj) == {"$e", "v"} and obj["$e"] in _ENUMS:
        return _ENUMS[obj["$e"]](obj["v"])
    raise ValueError("unknown tag in the data")


def dumps(value: Any) -> str:
    """JSON text in ASCII (a file name that is not UTF-8 holds lone surrogates, which UTF-8 cannot write)."""
    return json.dumps(encode(value), separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """Decode what `dumps` wrote; any malformed or foreign content raises `ValueError`. Text without a tag (`"$`:
    most files' facts) is plain JSON, decoded without the object hook, which cost a third of decoding them."""
    try:
        if (b'"$' not in text) if isinstance(text, bytes) else ('"$' not in text):
            return json.loads(text)
        return json.loads(text, object_hook=_decode_object)
    except ValueError:
        raise
    except (TypeError, KeyError, AttributeError, RecursionError) as exc:  # a wrong type or shape for a field
        raise ValueError(f"malformed data: {type(exc).__name__}") from exc


def _plain_parts() -> tuple[str, str, str]:
    """The text of a result with nothing in it but its path and digest, cut where those two go."""
    path_mark, digest_mark = "\x00path", "\x00digest"
    text = dumps(FileResult(path_mark, digest=digest_mark))
    before, _, rest = text.partition(json.dumps(path_mark))
    between, _, after = rest.partition(json.dumps(digest_mark))
    return before, between, after


_PLAIN_PARTS = _plain_parts()


def plain_result_text(path: str, digest: str) -> bytes:
    """What `dumps` writes for a result with no finding, error, suppression or warning (most files' result): a
    cached line equal to it is that result, with nothing to decode (a warm run on Django reads 880 of them)."""
    before, between, after = _PLAIN_PARTS
    return f"{before}{json.dumps(path)}{between}{json.dumps(digest)}{after}".encode("ascii")


# The type of each field a reporter relies on; a foreign entry may hold any JSON where a field belongs.
_STR, _INT, _OPT_STR = (str,), (int,), (str, type(None))
_TYPES: dict[type, dict[str, tuple[type, ...]]] = {
    FileResult: {"path": _STR, "findings": (list,), "errors": (list,), "facts": (dict,), "suppressions": (tuple,),
                 "warnings": (list,), "fixed_source": _OPT_STR},
    Finding: {"code": _STR, "name": _STR, "message": _STR, "location": (Location,), "severity": (Severity,),
              "confidence": (Confidence,), "category": (Category,), "hint": _OPT_STR, "cwe": (tuple,),
              "fix": (Fix, type(None)), "source": _STR, "help_uri": _OPT_STR, "line_text": _STR},
    Location: {"path": _STR, "start": (Position,), "end": (Position,)},
    Position: {"line": _INT, "column": _INT},
    Fix: {"description": _STR, "edits": (tuple,), "safe": (bool,)},
    Edit: {"start": (Position,), "end": (Position,), "content": _STR},
    EngineError: {"path": _STR, "message": _STR, "rule": _OPT_STR},
    Suppression: {"line": _INT, "column": _INT, "end_column": _INT, "codes": (tuple,), "file_level": (bool,),
                  "text": _STR},
}


def _check(value: Any, cls: type) -> None:
    if not isinstance(value, cls):
        raise ValueError(f"expected a {cls.__name__}")
    for name, types in _TYPES[cls].items():
        member = getattr(value, name)
        if not isinstance(member, types):
            raise ValueError(f"{cls.__name__}.{name} has the wrong type")
        if isinstance(member, (Location, Position, Fix)):
            _check(member, type(member))


def load_result(value: Any) -> FileResult:
    """A decoded `FileResult`, checked field by field (a foreign entry may decode to anything)."""
    _check(value, FileResult)
    for finding in value.findings:
        _check(finding, Finding)
        if finding.fix is not None:
            for edit in finding.fix.edits:
                _check(edit, Edit)
    for error in value.errors:
        _check(error, EngineError)
    for suppression in value.suppressions:
        _check(suppression, Suppression)
    return value


def round_trips(result: FileResult, text: str) -> bool:
    """Whether `text` (the encoded `result`) decodes to an equal result, so caching it loses nothing."""
    try:
        return bool(loads(text) == result)
    except ValueError:
        return False
