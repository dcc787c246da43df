"""Tables: users, items (each owned by the clerk who entered it), suppliers."""

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(20), default="clerk")
    api_key = db.Column(db.String(64))


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(40), nullable=False)
    name = db.Column(db.String(120), nullable=False)
    quantity = db.Column(db.Integer, default=0)
    location = db.Column(db.String(40))
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    approved = db.Column(db.Boolean, default=False)


class Supplier(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    catalog_url = db.Column(db.String(255))
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
