"""SQLAlchemy models for teams, users and expenses."""

from decimal import Decimal

from flask_sqlalchemy import SQLAlchemy
# expect: VC504
from sqlalchemy import Numeric

db = SQLAlchemy()


class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    monthly_budget = db.Column(Numeric(12, 2), default=Decimal("0"))


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(20), default="member")
    team_id = db.Column(db.Integer, db.ForeignKey("team.id"))
    reset_code = db.Column(db.String(12))


class Expense(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    team_id = db.Column(db.Integer, db.ForeignKey("team.id"), nullable=False)
    description = db.Column(db.String(255))
    amount = db.Column(Numeric(12, 2), nullable=False)
    currency = db.Column(db.String(3), default="USD")
    status = db.Column(db.String(20), default="pending")
    approved_by = db.Column(db.Integer, db.ForeignKey("user.id"))
    receipt_name = db.Column(db.String(255))
