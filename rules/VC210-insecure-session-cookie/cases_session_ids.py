import secrets

from fastapi import Response

from app import sessions

COOKIE = "sid"
PREFS_COOKIE = "prefs"


def start(response: Response, data: dict) -> str:
    sid = secrets.token_urlsafe(32)
    sessions.save(sid, data)
    # expect: VC210 -- the cookie's name is another module's constant, its value the session's id
    response.set_cookie(sessions.COOKIE, sid)
    return sid


def start_here(response: Response) -> None:
    # expect: VC210 -- a constant of this module names the cookie
    response.set_cookie(COOKIE, secrets.token_urlsafe(32))


def start_keyed(response: Response, session_key: str) -> None:
    # expect: VC210
    response.set_cookie("app", session_key, samesite="lax")


def start_safely(response: Response, session_key: str) -> None:
    # ok: VC210
    response.set_cookie(sessions.COOKIE, session_key, secure=True, httponly=True, samesite="lax")


def remember_prefs(response: Response, prefs: str) -> None:
    # ok: VC210 -- a preferences cookie, named by a constant
    response.set_cookie(PREFS_COOKIE, prefs)


def remember_sidebar(response: Response, side: str) -> None:
    # ok: VC210 -- `side` is no session id
    response.set_cookie("sidebar", side)
