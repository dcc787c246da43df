"""Small money helpers: parse amounts, format them, split them without losing a cent."""

from moneykit.money import Money, allocate, format_money, parse_money
from moneykit.rates import RateProvider, convert

__all__ = ["Money", "RateProvider", "allocate", "convert", "format_money", "parse_money"]
