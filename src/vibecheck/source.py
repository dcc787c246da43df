"""One file's content as every stage shares it: the bytes read once, decoded once, parsed by `ast` at most once.

The libcst tree is the engine's (one parse, kept in the rule context). Python's own `ast` is parsed lazily,
on the first request, and shared by everything that needs it in this file: the screen for inputs too deeply
nested for libcst's native parser, the facts collector, and bandit's checks.
"""

from __future__ import annotations

import ast
import io
import tokenize

# CPython's messages when its parser gives up on nesting, not on a syntax error.
_TOO_DEEP_MESSAGES = ("too many nested parentheses", "too complex", "too many levels of indentation")


def source_encoding(data: bytes) -> str:
    """The encoding Python reads these bytes in (`utf-8-sig` with a byte-order mark); raise SyntaxError/LookupError."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return encoding


def decode_source(data: bytes) -> str:
    """Decode as Python does (BOM, PEP 263 cookie, else UTF-8); raise UnicodeDecodeError/SyntaxError/LookupError."""
    text = data.decode(source_encoding(data))
    return text[1:] if text.startswith("\ufeff") else text


class SourceUnit:
    """One file as read from disk (or stdin): its bytes, and the text and trees computed from them once."""

    def __init__(self, path: str, data: bytes, is_test_file: bool = False, *, text: str | None = None) -> None:
        self.path = path
        self.data = data
        self.is_test_file = is_test_file
        self._text = text
        self._decoded = text is not None
        self._decode_error: Exception | None = None
        self._ast: ast.Module | None = None
        self._ast_error: BaseException | None = None
        self._parsed = False

    @property
    def text(self) -> str | None:
        """The decoded source, or None when the bytes do not decode (see `decode_error`)."""
        if not self._decoded:
            self._decoded = True
            try:
                self._text = decode_source(self.data)
            except (UnicodeDecodeError, SyntaxError, LookupError) as exc:
                self._decode_error = exc
        return self._text

    @property
    def decode_error(self) -> Exception | None:
        _ = self.text
        return self._decode_error

    def python_ast(self) -> ast.Module | None:
        """Python's `ast` of the file, parsed on first use only; None when Python cannot parse it (`ast_error`)."""
        if not self._parsed:
            self._parsed = True
            text = self.text
            if text is not None:
                try:
                    self._ast = ast.parse(text)
                except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
                    self._ast_error = exc
        return self._ast

    @property
    def ast_error(self) -> BaseException | None:
        self.python_ast()
        return self._ast_error

    def too_deeply_nested(self) -> str | None:
        """Why Python's parser gave up on the file's nesting (libcst's native parser may crash on it), else None."""
        error = self.ast_error
        if isinstance(error, (RecursionError, MemoryError)):
            return type(error).__name__
        if isinstance(error, SyntaxError) and any(m in (error.msg or "") for m in _TOO_DEEP_MESSAGES):
            return error.msg
        return None
