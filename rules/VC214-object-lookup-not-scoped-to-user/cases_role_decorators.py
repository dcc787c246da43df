"""VC214 corpus: guard decorators of the app whose names say nothing, judged by their bodies: one that refuses callers
without a role lets its holders reach every object; one that only signs the caller in does not."""
from functools import wraps

from flask import Blueprint, abort, g, request, session

from .models import Staff, Ticket

bp = Blueprint("tickets", __name__)


def agent_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        if request.headers.get("X-Role") != "agent":
            abort(403)
        return fn(*args, **kwargs)

    return wrapper


def desk_only(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        if g.user.role not in ("agent", "supervisor"):
            raise PermissionError("agents only")
        return fn(*args, **kwargs)

    return wrapper


def signed_in(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        if session.get("user_id") is None:
            abort(401)
        g.role = session.get("role", "customer")
        return fn(*args, **kwargs)

    return wrapper


@bp.post("/tickets/<int:ticket_id>/summarise")
@agent_required
def summarise(ticket_id):
    # ok: VC214 -- every agent works every ticket; a role read from a header is the guard's own finding (VC207)
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"subject": ticket.subject}


@bp.get("/tickets/<int:ticket_id>/history")
@desk_only
def history(ticket_id):
    # ok: VC214
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"events": ticket.events}


@bp.get("/tickets/<int:ticket_id>")
@signed_in
def show(ticket_id):
    # expect: VC214 -- the decorator signs the caller in and keeps their role, but refuses no role
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"subject": ticket.subject}


def require_login(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        staff = Staff.query.get(session.get("staff_id"))
        if staff is None:
            abort(401)
        g.staff = staff
        return fn(*args, **kwargs)

    return wrapper


def staff_admin(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        staff = Staff.query.get(session.get("staff_id"))
        if staff is None or staff.role != "admin":
            abort(403)
        return fn(*args, **kwargs)

    return wrapper


@bp.get("/tickets/<int:ticket_id>/notes")
@require_login
def notes(ticket_id):
    # expect: VC214 -- `staff is None` asks whether anyone signed in, whatever the person is called
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"notes": ticket.notes}


@bp.get("/tickets/<int:ticket_id>/audit")
@staff_admin
def audit(ticket_id):
    # ok: VC214 -- the admin role reaches every ticket
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"events": ticket.events}
