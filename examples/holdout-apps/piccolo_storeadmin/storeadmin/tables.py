"""Piccolo tables for the shop back office."""

from piccolo.columns import Boolean, ForeignKey, Integer, Timestamp, Varchar
from piccolo.table import Table


class Staff(Table):
    email = Varchar(length=200, unique=True)
    password_hash = Varchar(length=200)
    role = Varchar(length=20, default="clerk")
    is_active = Boolean(default=True)
    api_token = Varchar(length=64, null=True)


class Store(Table):
    name = Varchar(length=100)
    manager = ForeignKey(references=Staff)


class Product(Table):
    store = ForeignKey(references=Store)
    sku = Varchar(length=40)
    title = Varchar(length=200)
    price_cents = Integer()
    stock = Integer(default=0)


class Order(Table):
    store = ForeignKey(references=Store)
    customer_email = Varchar(length=200)
    total_cents = Integer()
    status = Varchar(length=20, default="new")
    created = Timestamp()
