import logging
from collections.abc import Iterable, Iterator

from .convert import UnitError, convert, parse_quantity

logger = logging.getLogger(__name__)


def clean_rows(rows: Iterable[dict], column: str, target: str) -> list[dict]:
    cleaned = []
    for i, row in enumerate(rows):
        try:
            quantity = parse_quantity(row[column])
            cleaned.append({**row, column: round(convert(quantity.value, quantity.unit, target), 6)})
        # expect: VC104
        except (KeyError, UnitError) as e:
            # expect: VC505
            print(f"skipping row {i}: {e}")
    return cleaned


def clean_rows_strict(rows: Iterable[dict], column: str, target: str) -> list[dict]:
    cleaned = []
    for i, row in enumerate(rows):
        try:
            quantity = parse_quantity(row[column])
        except UnitError as exc:
            # ok: VC104, VC105
            raise UnitError(f"row {i}: {exc}") from exc
        cleaned.append({**row, column: convert(quantity.value, quantity.unit, target)})
    return cleaned


def clean_row(row: dict, column: str, target: str) -> dict:
    try:
        quantity = parse_quantity(row[column])
        return {"ok": True, "row": {**row, column: convert(quantity.value, quantity.unit, target)}}
    # expect: VC103/VC102
    except Exception as e:
        return {"ok": False, "error": str(e)}


def clean_rows_report(rows: Iterable[dict], column: str, target: str) -> tuple[list[dict], list[tuple[int, str]]]:
    cleaned, rejected = [], []
    for i, row in enumerate(rows):
        try:
            quantity = parse_quantity(row[column])
        # ok: VC101, VC103
        except UnitError as exc:
            logger.info("row %d rejected: %s", i, exc)
            rejected.append((i, str(exc)))
            continue
        cleaned.append({**row, column: convert(quantity.value, quantity.unit, target)})
    return cleaned, rejected


def chunked(rows: list[dict], size: int) -> Iterator[list[dict]]:
    remaining = len(rows)
    start = 0
    # expect: VC114
    while remaining > 0:
        yield rows[start : start + size]
        start += size


def chunked_ok(rows: list[dict], size: int) -> Iterator[list[dict]]:
    start = 0
    # ok: VC114
    while start < len(rows):
        yield rows[start : start + size]
        start += size


def summarize(rows: list[dict], column: str) -> dict:
    values = [row[column] for row in rows]
    # expect: VC505
    print(values)
    return {"count": len(values), "min": min(values, default=None), "max": max(values, default=None)}
