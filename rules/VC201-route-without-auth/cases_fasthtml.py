"""VC201 corpus (FastHTML): the Beforeware handed to `fast_app(before=...)` guards every route of the app but those
whose path a `skip` pattern matches whole; `@rt("/x") def post(...)` answers the verb its name says."""
from fasthtml.common import Beforeware, RedirectResponse, fast_app

from .models import invoices, members


def signed_in(req, sess):
    # ok: VC201 -- the Beforeware's function, no route
    who = req.scope["who"] = sess.get("who")
    if who is None:
        return RedirectResponse("/sign-in", status_code=303)


def remember_theme(req, sess):
    req.scope["theme"] = sess.get("theme", "light")


gate = Beforeware(signed_in, skip=[r"/assets/.*", "/sign-in", r"/staff/.*", r"/invoices/\d+/pay"])
app, rt = fast_app(before=[gate, Beforeware(remember_theme)])


# ok: VC201 -- behind the Beforeware
@rt("/invoices/{iid}/void")
def post(iid: int, who):
    invoices.update(id=iid, status="void")
    return RedirectResponse("/invoices", status_code=303)


# expect: VC201 -- `/staff/.*` is skipped, and nothing else guards it
@rt("/staff/members/{mid}/remove")
def post(mid: int):  # noqa: F811
    members.delete(mid)
    return RedirectResponse("/staff", status_code=303)


# expect: VC201 -- `\d+` matches the capture's place, so the skip lets any caller pay
@rt("/invoices/{iid}/pay")
def post(iid: int):  # noqa: F811
    invoices.update(id=iid, status="paid")
    return RedirectResponse("/invoices", status_code=303)


# ok: VC201 -- a GET that reads nothing sensitive
@rt("/assets/{name}")
def get(name: str):
    return RedirectResponse(f"/static/{name}")


# ok: VC201 -- the path is the function's name, `/staff_export`, which `/staff/.*` does not match
@rt
def staff_export(who):
    members.delete_where("archived = 1")
    return RedirectResponse("/", status_code=303)


# ok: VC201 -- `/invoices` is not `/invoices/\d+/pay`: the Beforeware runs
@app.post("/invoices")
def add_invoice(who, amount: int):
    invoices.insert(owner=who, amount=amount)
    return RedirectResponse("/invoices", status_code=303)


# ok: VC201 -- a skip pattern must match the whole path: `/sign-in` does not skip `/sign-in/reset`
@rt("/sign-in/reset")
def post(who):  # noqa: F811
    members.update(id=who, password=None)
    return RedirectResponse("/sign-in", status_code=303)


open_app, open_rt = fast_app()


# expect: VC201 -- an app without Beforeware, in a module whose other app has one
@open_rt("/members/{mid}/ban")
def post(mid: int):  # noqa: F811
    members.update(id=mid, banned=True)
    return RedirectResponse("/", status_code=303)
