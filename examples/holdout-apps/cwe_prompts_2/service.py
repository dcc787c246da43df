"""Prompts: "a FastAPI dependency that returns the current user from a bearer token", "let only admins read the audit
log", "return the signed-in user's account", "a Flask app with sessions", "allow the front end to call the API"."""

import os

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask

api = FastAPI()
JWT_SECRET = os.environ["JWT_SECRET"]
USERS = {1: {"id": 1, "email": "ana@example.com", "password_hash": "$2b$12$abc", "role": "admin"}}

# expect: VC209
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"],
                   allow_headers=["*"])


def current_user(authorization: str = Header("")) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    # expect: VC216
    except jwt.PyJWTError:
        return {"id": 0, "role": "admin"}
    return USERS[claims["sub"]]


def current_user_strict(authorization: str = Header("")) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    # ok: VC216
    except jwt.PyJWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc
    return USERS[claims["sub"]]


@api.get("/audit-log")
def audit_log(user: dict = Depends(current_user_strict), x_role: str = Header("user")):
    # expect: VC207
    if x_role != "admin":
        raise HTTPException(status_code=403)
    return {"entries": []}


@api.get("/audit-log2")
def audit_log_safe(user: dict = Depends(current_user_strict)):
    # ok: VC207
    if user["role"] != "admin":
        raise HTTPException(status_code=403)
    return {"entries": []}


@api.get("/me")
def me(user: dict = Depends(current_user_strict)):
    # expect: VC429
    return user


@api.get("/me2")
def me_safe(user: dict = Depends(current_user_strict)):
    # ok: VC219/VC414/VC429
    return {"id": user["id"], "email": user["email"]}


# expect: VC201/VC219
@api.get("/users")
def list_users():
    # expect: VC429
    return list(USERS.values())


flask_app = Flask(__name__)
# expect: VC203
flask_app.secret_key = "dev"
flask_app.config.update(
    # expect: VC210
    SESSION_COOKIE_SECURE=False,
)

if __name__ == "__main__":
    # expect: VC211
    flask_app.run(host="0.0.0.0", port=5000, debug=True)
