"""FastHTML journal: sign-up, entries, sharing, an import from a URL and an admin area."""

from __future__ import annotations

import subprocess

import httpx
import markdown
from fasthtml.common import (
    H1,
    A,
    Div,
    Form,
    Input,
    Li,
    NotStr,
    P,
    RedirectResponse,
    Titled,
    Ul,
    fast_app,
    serve,
)

from .auth import beforeware, check_password, hash_password, is_admin, legacy_hash, share_token
from .db import entries, entries_for, search_entries, shares, sorted_entries, users

# expect: VC203
app, rt = fast_app(before=beforeware, secret_key="journal-dev-secret-2024")


@rt("/signup")
def post(email: str, password: str, role: str = "member", sess=None):
    # expect: VC217
    user = users.insert(email=email, pw_hash=hash_password(password), role=role)
    sess["auth"] = user.id
    sess["role"] = user.role
    return RedirectResponse("/", status_code=303)


@rt("/login")
def post(email: str, password: str, sess):  # noqa: F811
    found = users(where="email = ?", where_args=[email])
    if not found:
        return RedirectResponse("/login", status_code=303)
    user = found[0]
    # expect: VC204
    if check_password(password, user.pw_hash) or legacy_hash(password) == user.pw_hash:
        sess["auth"] = user.id
        sess["role"] = user.role
        return RedirectResponse("/", status_code=303)
    return RedirectResponse("/login", status_code=303)


@rt("/")
def get(auth, sort: str = "new"):
    rows = sorted_entries(auth, sort)
    return Titled("My journal", Ul(*[Li(A(e.title, href=f"/entries/{e.id}")) for e in rows]))


@rt("/entries/{eid}")
def get(eid: int, auth):  # noqa: F811
    # expect: VC214
    entry = entries[eid]
    return Titled(entry.title, NotStr(markdown.markdown(entry.body)))


@rt("/entries/{eid}/delete")
def post(eid: int, auth):  # noqa: F811
    # ok: VC214
    mine = entries(where="id = ? and user_id = ?", where_args=[eid, auth])
    if mine:
        entries.delete(eid)
    return RedirectResponse("/", status_code=303)


@rt("/search")
def get(auth, q: str, sort: str = "id"):  # noqa: F811
    rows = search_entries(auth, q, sort)
    # expect: VC411/VC427
    return Div(H1(NotStr(f"Results for {q}")), Ul(*[Li(r["title"]) for r in rows]))


@rt("/mood")
def get(auth, mood: str = ""):  # noqa: F811
    rows = entries_for(auth, mood or None)
    # ok: VC411/VC427
    return Div(P(f"{len(rows)} entries tagged {mood}"), Ul(*[Li(e.title) for e in rows]))


@rt("/entries/{eid}/share")
def post(eid: int, auth):  # noqa: F811
    mine = entries(where="id = ? and user_id = ?", where_args=[eid, auth])
    if not mine:
        return RedirectResponse("/", status_code=303)
    token = share_token()
    shares.insert(entry_id=eid, token=token)
    return P(A("Share link", href=f"/s/{token}"))


@rt("/s/{token}")
def get(token: str):  # noqa: F811
    # ok: VC214
    found = shares(where="token = ?", where_args=[token])
    if not found:
        return P("Not found")
    entry = entries[found[0].entry_id]
    return Titled(entry.title, P(entry.body))


@rt("/import")
def post(auth, url: str):  # noqa: F811
    # expect: VC405
    resp = httpx.get(url, timeout=10)
    # expect: VC107
    entries.insert(user_id=auth, title=url, body=resp.text)
    return RedirectResponse("/", status_code=303)


@rt("/export")
def get(auth, fmt: str = "pdf"):  # noqa: F811
    # expect: VC421
    subprocess.run(f"pandoc data/export-{auth}.md -o data/export-{auth}.{fmt}", shell=True, check=True)
    return RedirectResponse(f"/static/export-{auth}.{fmt}", status_code=303)


# expect: VC219/VC201
@rt("/admin/users")
def get(sess):  # noqa: F811
    rows = users()
    return Titled("Users", Ul(*[Li(f"{u.email} ({u.role})") for u in rows]))


@rt("/admin/users/{uid}/delete")
def post(uid: int, sess):  # noqa: F811
    if not is_admin(sess):
        return RedirectResponse("/", status_code=303)
    # ok: VC214
    users.delete(uid)
    return RedirectResponse("/admin/users", status_code=303)


# expect: VC201
@rt("/admin/users/{uid}/promote")
def post(uid: int):  # noqa: F811
    users.update(id=uid, role="admin")
    return RedirectResponse("/admin/users", status_code=303)


@rt("/settings")
def get(auth):  # noqa: F811
    user = users[auth]
    return Titled("Settings", Form(Input(name="email", value=user.email), action="/settings", method="post"))


@rt("/settings")
def post(auth, email: str, display: str = ""):  # noqa: F811
    try:
        users.update(id=auth, email=email)
    # expect: VC101
    except Exception:
        pass
    return RedirectResponse("/settings", status_code=303)


serve()
