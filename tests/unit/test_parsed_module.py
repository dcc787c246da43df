"""`safe_files.parsed_module`: a module beside the checked file that a rule reads never stops the check."""

from __future__ import annotations

from pathlib import Path

from vibecheck.safe_files import parsed_module


def test_a_module_is_parsed(tmp_path: Path) -> None:
    module = tmp_path / "errors.py"
    module.write_text("class OrderError(Exception):\n    pass\n", encoding="utf-8")
    tree = parsed_module(module)
    assert tree is not None and [type(node).__name__ for node in tree.body] == ["ClassDef"]


def test_unreadable_unparsable_and_too_deep_modules_give_none(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n", encoding="utf-8")
    deep = tmp_path / "deep.py"
    deep.write_text("x = " + "-" * 200_000 + "1\n", encoding="utf-8")  # the parser gives up with MemoryError
    assert parsed_module(tmp_path / "missing.py") is None
    assert parsed_module(tmp_path) is None  # a folder, not a regular file
    assert parsed_module(broken) is None
    assert parsed_module(deep) is None
