"""ledgerkit: parse bank statements, keep transactions in SQLite, export them to Postgres."""

from .money import Money, parse_amount
from .model import Transaction

__all__ = ["Money", "Transaction", "parse_amount"]
