"""VC403 corpus: a password written into the source and hashed on the spot, and hashes of passwords from elsewhere."""
import os

import bcrypt
from argon2 import PasswordHasher
from django.contrib.auth.hashers import make_password
from passlib.context import CryptContext
from werkzeug.security import generate_password_hash

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
ph = PasswordHasher()


def seed_admin(db):
    # expect: VC403
    db.insert("users", username="admin", password_hash=pwd_context.hash("Adm1n!2024"))
    # expect: VC403
    db.insert("users", username="ops", password_hash=generate_password_hash("opsteam123"))
    # expect: VC403
    db.insert("users", username="root", password_hash=make_password("r00tpass"))
    # expect: VC403
    db.insert("users", username="svc", password_hash=bcrypt.hashpw("Svc#2024x".encode(), bcrypt.gensalt()))
    # expect: VC403
    db.insert("users", username="audit", password_hash=ph.hash("auditor#1"))


def seed_admin_from_environment(db):
    # ok: VC403
    db.insert("users", username="admin", password_hash=pwd_context.hash(os.environ["ADMIN_PASSWORD"]))
    # ok: VC403
    db.insert("users", username="ops", password_hash=generate_password_hash(os.environ["OPS_PASSWORD"]))


def register(db, form):
    # ok: VC403
    db.insert("users", username=form["username"], password_hash=generate_password_hash(form["password"]))


def content_digest(hasher, text):
    # ok: VC403 -- `hash` of an object that is no password hasher
    return hasher.hash("release-notes")


def placeholder_account(db):
    # ok: VC403 -- a placeholder, to be changed on first login
    db.insert("users", username="demo", password_hash=generate_password_hash("changeme"))
