import pytest
from hypothesis import given
from hypothesis import strategies as st

from measure_units.convert import UnitError
from measure_units.rows import chunked_ok, clean_row, clean_rows, clean_rows_report, clean_rows_strict, summarize

ROWS = [{"sku": "A", "weight": "1 kg"}, {"sku": "B", "weight": "500 g"}, {"sku": "C", "weight": "heavy"}]


def test_clean_rows_skips_bad():
    cleaned = clean_rows(ROWS, "weight", "g")
    # ok: VC304
    assert [row["weight"] for row in cleaned] == [1000.0, 500.0]


def test_clean_rows_length():
    cleaned = clean_rows(ROWS, "weight", "g")
    # expect: VC304
    assert len(cleaned) >= 0


def test_clean_rows_strict_raises():
    # ok: VC305
    with pytest.raises(UnitError, match="row 2"):
        clean_rows_strict(ROWS, "weight", "g")


def test_clean_row_error():
    result = clean_row({"weight": "heavy"}, "weight", "g")
    # expect: VC310
    assert result is not None


def test_clean_row_error_message():
    result = clean_row({"weight": "heavy"}, "weight", "g")
    # ok: VC310
    assert result == {"ok": False, "error": "cannot parse quantity 'heavy'"}


def test_report_rejections():
    cleaned, rejected = clean_rows_report(ROWS, "weight", "kg")
    # expect: VC311
    for index, reason in rejected:
        assert index == 2
        assert "heavy" in reason


def test_report_rejections_exact():
    _, rejected = clean_rows_report(ROWS, "weight", "kg")
    # ok: VC311
    assert rejected == [(2, "cannot parse quantity 'heavy'")]


@given(st.lists(st.integers(), max_size=50), st.integers(min_value=1, max_value=10))
def test_chunked_covers_all(values, size):
    rows = [{"v": v} for v in values]
    chunks = list(chunked_ok(rows, size))
    # ok: VC304, VC311
    assert [row for chunk in chunks for row in chunk] == rows


@given(st.lists(st.integers(), max_size=50), st.integers(min_value=1, max_value=10))
def test_chunked_sizes(values, size):
    chunks = list(chunked_ok([{"v": v} for v in values], size))
    for chunk in chunks:
        # ok: VC311
        assert 1 <= len(chunk) <= size
    assert sum(len(chunk) for chunk in chunks) == len(values)


# expect: VC303
def test_summarize():
    summarize([{"w": 1}, {"w": 3}], "w")


def test_summarize_values():
    # ok: VC303, VC310
    assert summarize([{"w": 1}, {"w": 3}], "w") == {"count": 2, "min": 1, "max": 3}
