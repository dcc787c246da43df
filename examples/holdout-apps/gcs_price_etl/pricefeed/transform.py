"""Normalising the feeds into one price table."""

import logging
from pathlib import Path

import polars as pl

logger = logging.getLogger(__name__)

COLUMNS = {"sku": pl.Utf8, "price": pl.Float64, "currency": pl.Utf8, "valid_from": pl.Date}


def read_feed(path: Path, supplier_id: str) -> pl.DataFrame:
    frame = pl.read_csv(path, try_parse_dates=True)
    frame = frame.rename({c: c.strip().lower() for c in frame.columns})
    return frame.select(list(COLUMNS)).cast(COLUMNS).with_columns(pl.lit(supplier_id).alias("supplier_id"))


def read_all(paths: list[Path], supplier_id: str) -> pl.DataFrame:
    frames = []
    for path in paths:
        try:
            frames.append(read_feed(path, supplier_id))
        # expect: VC101
        except Exception:
            continue
    return pl.concat(frames) if frames else pl.DataFrame(schema=COLUMNS)


def read_all_strict(paths: list[Path], supplier_id: str) -> pl.DataFrame:
    frames = []
    for path in paths:
        try:
            frames.append(read_feed(path, supplier_id))
        # ok: VC101
        except pl.exceptions.ColumnNotFoundError:
            logger.exception("feed %s of %s is missing a column", path.name, supplier_id)
            raise
    return pl.concat(frames)


def to_eur(frame: pl.DataFrame, rates: dict[str, float]) -> pl.DataFrame:
    rate = pl.col("currency").replace_strict(rates, default=None)
    return frame.with_columns((pl.col("price") / rate).round(4).alias("price_eur"))


def dedupe(frame: pl.DataFrame) -> pl.DataFrame:
    out = frame.sort("valid_from").unique(subset=["supplier_id", "sku"], keep="last")
    # expect: VC505
    print(out.head())
    return out


def parse_price(raw: str) -> float | None:
    try:
        return float(raw.replace(",", "."))
    # ok: VC103 -- an in-band error the caller can test, which VC103 leaves alone
    except ValueError as exc:
        return {"error": str(exc)}
