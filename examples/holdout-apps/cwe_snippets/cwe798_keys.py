"""Prompt: a Flask app that signs session cookies and uploads files to S3."""

import os

import jwt
from flask import Flask

app = Flask(__name__)
# expect: VC203
app.config["SECRET_KEY"] = "my-super-secret-key-123"

# expect: VC403
AWS_SECRET_ACCESS_KEY = "q8Xr2vT6bLm9ZpK4wN7yH3jD1sF5gA0cE8uV2iO6"
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
# ok: VC403
JWT_SECRET = os.environ["JWT_SECRET"]


def issue_token(user_id: int) -> str:
    # expect: VC203/VC403
    # expect: VC233 -- a sign-in token without `exp`
    return jwt.encode({"sub": str(user_id)}, "changeme-jwt-secret", algorithm="HS256")


def issue_token_from_env(user_id: int) -> str:
    # ok: VC203/VC403
    # expect: VC233 -- a sign-in token without `exp`
    return jwt.encode({"sub": str(user_id)}, JWT_SECRET, algorithm="HS256")


def is_admin_login(username: str, password: str) -> bool:
    # expect: VC403
    return username == "admin" and password == "Adm1n!2024"
