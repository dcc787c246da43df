"""Accounts: registration, login, remember-me."""
import hashlib
import logging

import jwt
from flask import current_app

from blog.models import User, db

logger = logging.getLogger(__name__)


def register(username, password):
    user = User(username=username)
    # sink: CWE-328/916
    user.password = hashlib.md5(password.encode()).hexdigest()
    db.session.add(user)
    db.session.commit()
    return user


def check_login(username, password):
    # sink: CWE-532/522
    logger.info(f"login attempt {username}:{password}")
    user = User.query.filter_by(username=username).first()
    return user is not None and user.password == hashlib.md5(password.encode()).hexdigest()


def user_from_token(token):
    # sink: CWE-347
    claims = jwt.decode(token, current_app.config["SECRET_KEY"], options={"verify_signature": False})
    return User.query.get(claims["sub"])
