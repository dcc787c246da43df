"""The one line model: line starts found by summing line lengths agree with the line-break matches they replace."""

from __future__ import annotations

import pytest

from vibecheck.lines import LINE_BREAK, line_starts, split_lines


@pytest.mark.parametrize("source", ["", "x", "x\n", "\n\n", "def f():\n    return 1\n\nf()", "a\r\nb\rc\nd",
                                    "tab\tform\x0cfeed\x1cgroup\u2028line\n"])
def test_line_starts_are_where_each_line_begins(source: str) -> None:
    starts = line_starts(source)
    assert starts == [0, *(match.end() for match in LINE_BREAK.finditer(source))]
    for number, line in enumerate(split_lines(source), start=1):
        assert source.startswith(line, starts[number - 1])
