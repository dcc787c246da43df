"""Request and response schemas."""

from apiflask import Schema
from apiflask.fields import Decimal, Integer, String
from apiflask.validators import Length, OneOf, Range


class ExpenseIn(Schema):
    description = String(required=True, validate=Length(1, 255))
    amount = Decimal(required=True, places=2, validate=Range(min=0.01))
    currency = String(load_default="USD", validate=OneOf(["USD", "EUR", "GBP"]))


class ExpenseOut(Schema):
    id = Integer()
    description = String()
    amount = Decimal(as_string=True)
    currency = String()
    status = String()
