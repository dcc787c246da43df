import secrets

import bcrypt
from fastapi import FastAPI, HTTPException, Request, Response
from pydantic import BaseModel
from sqlmodel import select

from . import otp, sessions
from .db import Db
from .deps import CurrentUser, PendingUser, VerifiedUser
from .models import User

app = FastAPI(title="accounts")


class Credentials(BaseModel):
    email: str
    password: str


class Code(BaseModel):
    code: str


def password_ok(user: User | None, password: str) -> bool:
    return user is not None and bcrypt.checkpw(password.encode(), user.password_hash.encode())


@app.post("/login")
def login(body: Credentials, request: Request, response: Response, db: Db) -> dict:
    user = db.exec(select(User).where(User.email == body.email)).first()
    if not password_ok(user, body.password):
        raise HTTPException(401, "wrong email or password")
    sid = request.cookies.get(sessions.COOKIE) or secrets.token_urlsafe(32)
    # expect: VC210
    sessions.save(sid, {"user_id": user.id, "mfa_ok": not user.totp_enabled})
    # expect: VC210
    response.set_cookie(sessions.COOKIE, sid)
    return {"mfa_required": user.totp_enabled}


@app.post("/v2/login")
def login_v2(body: Credentials, request: Request, response: Response, db: Db) -> dict:
    user = db.exec(select(User).where(User.email == body.email)).first()
    if not password_ok(user, body.password):
        raise HTTPException(401, "wrong email or password")
    if user.totp_enabled:
        # ok: VC210
        sessions.rotate(request, response, {"pending_user_id": user.id})
        return {"mfa_required": True}
    sessions.rotate(request, response, {"user_id": user.id, "mfa_ok": True})
    return {"mfa_required": False}


@app.post("/2fa/verify")
def verify_second_factor(body: Code, request: Request, response: Response, user: PendingUser) -> dict:
    if not otp.check_code_strict(user.totp_secret or "", body.code):
        raise HTTPException(401, "wrong code")
    sessions.rotate(request, response, {"user_id": user.id, "mfa_ok": True})
    return {"ok": True}


@app.post("/2fa/setup")
def setup_totp(user: CurrentUser, db: Db) -> dict:
    user.totp_secret = otp.new_secret()
    db.add(user)
    db.commit()
    return {"otpauth_uri": otp.provisioning_uri(user.totp_secret, user.email)}


@app.post("/2fa/enable")
def enable_totp(body: Code, user: CurrentUser, db: Db) -> dict:
    if not user.totp_secret or not otp.check_code(user.totp_secret, body.code):
        raise HTTPException(400, "wrong code")
    codes = otp.backup_codes()
    user.totp_enabled = True
    # expect: VC410
    user.backup_codes = ",".join(codes)
    db.add(user)
    db.commit()
    return {"backup_codes": codes}


@app.post("/v2/2fa/enable")
def enable_totp_v2(body: Code, user: VerifiedUser, db: Db) -> dict:
    if not user.totp_secret or not otp.check_code_strict(user.totp_secret, body.code):
        raise HTTPException(400, "wrong code")
    codes = otp.backup_codes_safe()
    user.totp_enabled = True
    # ok: VC410
    user.backup_codes = ",".join(otp.hash_backup_code(code) for code in codes)
    db.add(user)
    db.commit()
    return {"backup_codes": codes}


@app.post("/2fa/disable")
def disable_totp(user: CurrentUser, db: Db) -> dict:
    user.totp_enabled = False
    user.totp_secret = None
    user.backup_codes = ""
    db.add(user)
    db.commit()
    return {"ok": True}


@app.post("/2fa/recover")
def recover(body: Code, request: Request, response: Response, user: PendingUser, db: Db) -> dict:
    remaining = [code for code in user.backup_codes.split(",") if code]
    used = otp.backup_code_matches(remaining, body.code)
    if used is None:
        raise HTTPException(401, "wrong code")
    remaining.remove(used)
    user.backup_codes = ",".join(remaining)
    db.add(user)
    db.commit()
    sessions.rotate(request, response, {"user_id": user.id, "mfa_ok": True})
    return {"ok": True, "remaining": len(remaining)}


@app.get("/me")
def me(user: CurrentUser) -> dict:
    return {"id": user.id, "email": user.email, "totp": user.totp_enabled}


@app.get("/api-keys")
def api_keys(user: VerifiedUser) -> dict:
    return {"keys": [f"ak_{user.id}_{secrets.token_hex(4)}"]}


@app.post("/logout")
def logout(request: Request, response: Response) -> dict:
    sessions.end(request, response)
    return {"ok": True}
