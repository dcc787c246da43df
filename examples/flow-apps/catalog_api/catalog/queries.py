"""Query helpers the routes call: the query runs here, the client's text comes from views.py."""
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import desc, text

db = SQLAlchemy()
SORT_COLUMNS = {"name": "name", "price": "price", "newest": "created_at"}


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)
    price = db.Column(db.Integer)


def sorted_products(sort: str):
    # expect: VC417
    return Product.query.order_by(sort).all()


def products_by(column: str, direction: str):
    # expect: VC417
    clause = text(f"{column} {direction}")
    return Product.query.order_by(clause).all()


def run_report(sql: str):
    # expect: VC417
    return db.session.execute(text(sql)).all()


def grouped_counts(field: str):
    # expect: VC417
    return db.session.query(db.func.count(Product.id)).group_by(text(field)).all()


def mapped_sort(sort: str):
    # ok: VC417 -- mapped through a fixed dict
    return Product.query.order_by(SORT_COLUMNS.get(sort, "name")).all()


def checked_sort(sort: str):
    if sort not in SORT_COLUMNS.values():
        raise ValueError(sort)
    # ok: VC417 -- allow-listed first
    return Product.query.order_by(sort).all()


def by_name(name: str):
    # ok: VC417 -- a bound parameter
    return db.session.execute(text("SELECT * FROM product WHERE name = :name"), {"name": name}).all()


def newest(limit: int):
    # ok: VC417 -- the argument is not part of the ordering
    return Product.query.order_by(desc(Product.id)).limit(limit).all()


def nightly_report(sql: str):
    # ok: VC417 -- only ever called with a constant
    return db.session.execute(text(sql)).all()
