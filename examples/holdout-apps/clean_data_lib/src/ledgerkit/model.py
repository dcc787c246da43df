from dataclasses import dataclass
from datetime import date

from .money import Money


@dataclass(frozen=True)
class Transaction:
    account: str
    booked: date
    money: Money
    counterparty: str
    reference: str
