"""Which fields of a Django model hold plain text, read from the module of the package the model is imported from.

A per-file rule cannot tell a book's `author` typed as text (`models.CharField`) from an account picked by id
(`models.ForeignKey(User)`) when the model lives in another file. By Django's convention a form imports its model
from its own app (`from .models import Book`), so that one module beside the checked file is read, with `ast`, once
per run; `sibling_models_inputs` puts what it reads into the checked file's cache key.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
from pathlib import Path

from vibecheck.safe_files import NotRegularFileError, read_regular_text

# Model, form and serializer fields, and form widgets, that hold plain text (`models.CharField`, `forms.Textarea`).
TEXT_FIELD_TYPES = frozenset({"CharField", "TextField", "SlugField", "EmailField", "URLField", "TextInput", "Textarea"})
# Larger model modules are not read: a generated or vendored file, not an app's models.
SIZE_LIMIT = 2_000_000


def text_fields(path: str, reference: str) -> frozenset[str]:
    """The plain-text fields of the model that `reference` names as imported in the file at `path`
    (`.models.Book`, from `from .models import Book`): empty when it is not a module of the file's own package."""
    module, _, model = reference.rpartition(".")
    if not module.startswith(".") or module.startswith("..") or not model:
        return frozenset()
    folder = Path(os.path.dirname(os.path.abspath(path)))
    parts = module[1:].split(".")
    for candidate in (folder.joinpath(*parts[:-1], parts[-1] + ".py"), folder.joinpath(*parts, "__init__.py")):
        if candidate.is_file():
            return _text_fields_in(str(candidate)).get(model, frozenset())
    return frozenset()


@functools.lru_cache(maxsize=256)
def _text_fields_in(module_path: str) -> dict[str, frozenset[str]]:
    """Each class of a module -> the names its body assigns a text field to (`author = models.CharField(...)`)."""
    try:
        tree = ast.parse(read_regular_text(module_path, SIZE_LIMIT))
    except (OSError, NotRegularFileError, SyntaxError, ValueError):
        return {}
    found: dict[str, frozenset[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = frozenset(
                target.id for statement in node.body if isinstance(statement, ast.Assign)
                and isinstance(statement.value, ast.Call) and _called_name(statement.value.func) in TEXT_FIELD_TYPES
                for target in statement.targets if isinstance(target, ast.Name))
    return found


def _called_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


class SiblingModelsInputs:
    """A digest of the model modules beside the file at `path` (`models.py`, `models/*.py`), which `text_fields`
    may read: a `Rule.cache_inputs` function. The cache calls `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        return _folder_digest(os.path.dirname(os.path.abspath(path)))

    def cache_clear(self) -> None:
        _folder_digest.cache_clear()
        _text_fields_in.cache_clear()


@functools.lru_cache(maxsize=1024)
def _folder_digest(folder: str) -> str:
    base = Path(folder)
    candidates = [base / "models.py", *sorted((base / "models").glob("*.py"))] if (base / "models").is_dir() \
        else [base / "models.py"]
    digest = hashlib.sha256()
    for candidate in candidates:
        try:
            stat = candidate.stat()
        except OSError:
            continue
        digest.update(f"{candidate.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


sibling_models_inputs = SiblingModelsInputs()
