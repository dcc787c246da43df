"""VC429 corpus: Starlette endpoints (listed in a `Route` table, taking the request alone) and dicts that pick a
stored record's password hash by its key."""
from starlette.requests import Request
from starlette.responses import JSONResponse

from .db import fetch_staff


async def profile_json(request: Request):
    staff = request.state.staff
    # expect: VC429 -- the row the auth middleware stored, its hash answered by key
    return JSONResponse({"id": staff["id"], "email": staff["email"], "password_hash": staff["password_hash"]})


async def staff_detail(request: Request):
    row = await fetch_staff(int(request.path_params["staff_id"]))
    # expect: VC429
    return JSONResponse({"id": row["id"], "hashed_password": row["hashed_password"]})


async def profile_public(request: Request):
    staff = request.state.staff
    # ok: VC429 -- chosen fields without the hash
    return JSONResponse({"id": staff["id"], "email": staff["email"]})


async def echo_form(request: Request):
    form = await request.form()
    # ok: VC429 -- what the client sent, answered back to it
    return JSONResponse({"password_hash": form["password_hash"]})


async def hash_status(request: Request):
    staff = request.state.staff
    # ok: VC429 -- a flag about the hash, not the hash
    return JSONResponse({"needs_rehash": staff["password_hash"].startswith("$2a$")})


async def login_config(request: Request):
    settings = request.app.state.settings
    # ok: VC429 -- a plain "password" key may be a service's credential, not a stored hash
    return JSONResponse({"password": settings["password"]})


def hash_report(staff):
    # ok: VC429 -- a helper that takes no request, answering nothing to a client
    return JSONResponse({"password_hash": staff["password_hash"]})
