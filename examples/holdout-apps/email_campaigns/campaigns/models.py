from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Staff(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True)
    org_id = db.Column(db.Integer, nullable=False)


class Campaign(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, nullable=False)
    subject = db.Column(db.String(255), nullable=False)
    body = db.Column(db.Text, nullable=False)
    status = db.Column(db.String(16), default="draft")


class Subscriber(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, nullable=False)
    email = db.Column(db.String(255), nullable=False)
    name = db.Column(db.String(255), default="")
    subscribed = db.Column(db.Boolean, default=True)
    bounced = db.Column(db.Boolean, default=False)


class Link(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    campaign_id = db.Column(db.Integer, nullable=False)
    url = db.Column(db.Text, nullable=False)
    clicks = db.Column(db.Integer, default=0)
