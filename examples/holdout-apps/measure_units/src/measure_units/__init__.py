from .convert import UnitError, convert, parse_quantity
from .rows import clean_rows

__all__ = ["UnitError", "convert", "parse_quantity", "clean_rows"]
