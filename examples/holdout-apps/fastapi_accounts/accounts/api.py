import hashlib
import hmac
import os
import random
import secrets

import bcrypt
from fastapi import Depends, FastAPI, HTTPException, Request, Response

from .deps import Db, MaybeMe, Me, require_internal
from .models import Account, ProfileUpdate, SignUp

app = FastAPI()
INTERNAL_TOKEN = os.environ["ACCOUNTS_INTERNAL_TOKEN"]


@app.post("/signup")
def signup(body: SignUp, db: Db) -> dict:
    # expect: VC205
    digest = hashlib.md5(body.password.encode()).hexdigest()
    # expect: VC217
    account = Account(email=body.email, password_hash=digest, role=body.role)
    db.add(account)
    db.commit()
    return {"id": account.id}


@app.post("/signup-safe")
def signup_safe(body: SignUp, db: Db) -> dict:
    # ok: VC205
    digest = bcrypt.hashpw(body.password.encode(), bcrypt.gensalt()).decode()
    # ok: VC217
    account = Account(email=body.email, password_hash=digest)
    db.add(account)
    db.commit()
    return {"id": account.id}


@app.post("/otp")
def send_otp(me: Me, db: Db) -> dict:
    # expect: VC206
    me.otp = str(random.randint(100000, 999999))
    db.add(me)
    db.commit()
    return {"sent": True}


@app.post("/otp-safe")
def send_otp_safe(me: Me, db: Db) -> dict:
    # ok: VC206
    me.otp = f"{secrets.randbelow(1_000_000):06d}"
    db.add(me)
    db.commit()
    return {"sent": True}


@app.post("/otp/verify")
def verify_otp(code: str, me: Me) -> dict:
    # expect: VC204
    if me.otp is None or code != me.otp:
        raise HTTPException(400, "wrong code")
    return {"ok": True}


@app.post("/internal/reindex", dependencies=[Depends(require_internal)])
def reindex() -> dict:
    return {"queued": True}


@app.post("/internal/recalculate")
def recalculate(request: Request) -> dict:
    # ok: VC204
    if not hmac.compare_digest(request.headers.get("X-Internal-Token", ""), INTERNAL_TOKEN):
        raise HTTPException(403)
    return {"queued": True}


@app.delete("/accounts/{account_id}")
def delete_account(account_id: int, me: Me, db: Db) -> dict:
    # expect: VC230
    assert me.is_admin, "admins only"
    account = db.get(Account, account_id)
    db.delete(account)
    db.commit()
    return {"deleted": account_id}


@app.patch("/accounts/me")
async def update_me(request: Request, me: Me, db: Db) -> dict:
    for key, value in (await request.json()).items():
        # expect: VC215
        setattr(me, key, value)
    db.add(me)
    db.commit()
    return {"id": me.id}


@app.patch("/accounts/me/profile")
def update_profile(body: ProfileUpdate, me: Me, db: Db) -> dict:
    # ok: VC215
    for key, value in body.model_dump(exclude_unset=True).items():
        setattr(me, key, value)
    db.add(me)
    db.commit()
    return {"id": me.id}


@app.post("/session")
def open_session(me: Me, response: Response) -> dict:
    token = secrets.token_urlsafe(32)
    # expect: VC210
    response.set_cookie("session", token, httponly=False, secure=False)
    return {"ok": True}


@app.get("/whoami")
def whoami(me: MaybeMe, request: Request) -> dict:
    # expect: VC207
    if request.headers.get("X-Debug-Admin") == "1":
        return {"email": me.email, "role": "admin", "debug": True}
    return {"email": me.email, "role": me.role}


@app.exception_handler(ValueError)
async def bad_value(request: Request, exc: ValueError) -> Response:
    import traceback

    # expect: VC414
    return Response(traceback.format_exc(), status_code=400, media_type="text/plain")
