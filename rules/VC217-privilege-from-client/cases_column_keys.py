"""VC217 corpus: Starlette functions listed in a `Route` table reading `await request.form()`, and updates keyed by a
model's columns (Piccolo's `Staff.update({Staff.role: ...})`, SQLAlchemy's `.values({User.is_admin: ...})`)."""
from sqlalchemy import update
from starlette.requests import Request
from starlette.responses import RedirectResponse

from .auth import admin_required, login_required
from .models import Settings, Staff, User


@login_required
async def edit_account(request: Request):
    submitted = await request.form()
    changes = {Staff.display_name: submitted.get("display_name", "")}
    if submitted.get("access_level"):
        # expect: VC217 -- a dict keyed by a column, filled under a condition, then `Staff.update(changes)`
        changes[Staff.role] = submitted["access_level"]
    await Staff.update(changes).where(Staff.id == request.state.user_id)
    return RedirectResponse("/account", status_code=303)


@login_required
async def promote_self(request: Request):
    form = await request.form()
    # expect: VC217
    await Staff.update({Staff.is_admin: form.get("is_admin") == "on"}).where(Staff.id == request.state.staff["id"])
    return RedirectResponse("/profile", status_code=303)


async def set_role(request, session, user_id: int):
    data = await request.json()
    # expect: VC217 -- SQLAlchemy's `update(...).values({...})` keyed by columns
    await session.execute(update(User).where(User.id == user_id).values({User.role: data["role"]}))


@login_required
async def rename(request: Request):
    form = await request.form()
    # ok: VC217 -- no privilege among the columns
    await Staff.update({Staff.email: form["email"]}).where(Staff.id == request.state.staff["id"])
    return RedirectResponse("/profile", status_code=303)


@login_required
async def reset_role(request: Request):
    values = {}
    # ok: VC217 -- the server picks the role
    values[Staff.role] = "clerk"
    await Staff.update(values).where(Staff.id == request.state.staff["id"])
    return RedirectResponse("/profile", status_code=303)


@login_required
async def theme(request: Request):
    form = await request.form()
    lookup = {}
    # ok: VC217 -- an attribute of an instance, not a model's column
    lookup[request.role] = form["theme"]
    return RedirectResponse("/profile", status_code=303)


@admin_required
async def staff_create(request: Request):
    form = await request.form()
    # ok: VC217 -- an administrator sets the role
    await Staff.insert(Staff(email=form["email"], role=form.get("role", "clerk")))
    return RedirectResponse("/staff", status_code=303)


@admin_required
async def staff_role(request: Request):
    form = await request.form()
    # ok: VC217 -- an administrator changes the role
    await Staff.update({Staff.role: form["role"]}).where(Staff.id == int(form["id"]))
    return RedirectResponse("/staff", status_code=303)


@login_required
async def settings_filter(request: Request):
    form = await request.form()
    # ok: VC217 -- a read keyed by a column picks rows, it grants nothing
    rows = await Settings.select().where(Settings.role == form["role"])
    return RedirectResponse(f"/settings?n={len(rows)}", status_code=303)
