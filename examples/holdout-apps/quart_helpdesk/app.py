"""Quart helpdesk: tickets, CSV export and an LLM summarise action."""

from __future__ import annotations

import csv
import io
import logging
import os

from markupsafe import Markup, escape
from quart import Quart, abort, g, jsonify, request, session

import db
import llm
from auth import agent_required, login_required, staff_only

log = logging.getLogger(__name__)

app = Quart(__name__)
# expect: VC203
app.secret_key = os.environ.get("SECRET_KEY", "helpdesk-dev-secret")


@app.get("/tickets/<int:ticket_id>")
@login_required
async def show_ticket(ticket_id: int):
    conn = await db.connect()
    # ok: VC214
    ticket = await db.get_ticket_for_user(conn, ticket_id, g.user_id)
    if ticket is None:
        abort(404)
    return jsonify(ticket)


@app.get("/tickets/<int:ticket_id>/attachments")
@login_required
async def ticket_attachments(ticket_id: int):
    conn = await db.connect()
    # expect: VC214
    ticket = await db.get_ticket(conn, ticket_id)
    if ticket is None:
        abort(404)
    cur = await conn.execute("SELECT name, url FROM attachments WHERE ticket_id = ?", (ticket_id,))
    return jsonify([dict(r) for r in await cur.fetchall()])


@app.get("/tickets/export")
@staff_only
async def export_tickets():
    status = request.args.get("status", "open")
    sort = request.args.get("sort", "created_at")
    conn = await db.connect()
    rows = await db.list_tickets(conn, status, sort)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["id", "subject", "status", "created_at"])
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue(), 200, {"Content-Type": "text/csv"}


@app.get("/my/tickets")
@login_required
async def my_tickets():
    conn = await db.connect()
    # ok: VC422
    rows = await db.list_my_tickets(conn, g.user_id, request.args.get("sort", "created"))
    return jsonify(rows)


@app.post("/tickets/<int:ticket_id>/summarise")
@agent_required
async def summarise_ticket(ticket_id: int):
    conn = await db.connect()
    # ok: VC214
    ticket = await db.get_ticket(conn, ticket_id)
    if ticket is None:
        abort(404)
    try:
        result = await llm.summarise(ticket["body"])
    except Exception as exc:
        log.exception("summarise failed for %s", ticket_id)
        # expect: VC414
        return jsonify({"error": str(exc)}), 502
    await db.save_summary(conn, ticket_id, result["summary"], result["priority"])
    await db.tag_ticket(conn, ticket_id, result["tags"])
    return jsonify(result)


@app.get("/tickets/<int:ticket_id>/summary.html")
@staff_only
async def summary_card(ticket_id: int):
    conn = await db.connect()
    ticket = await db.get_ticket(conn, ticket_id)
    if ticket is None:
        abort(404)
    result = await llm.summarise(ticket["body"])
    # expect: VC401/VC417
    card = Markup(f"<div class='summary'><p>{result['summary']}</p></div>")
    return str(card)


@app.get("/tickets/<int:ticket_id>/subject.html")
@staff_only
async def subject_card(ticket_id: int):
    conn = await db.connect()
    ticket = await db.get_ticket(conn, ticket_id)
    if ticket is None:
        abort(404)
    # ok: VC411/VC427
    return str(Markup("<h2>{}</h2>").format(escape(ticket["subject"])))


@app.post("/tickets/<int:ticket_id>/notify")
@staff_only
async def notify(ticket_id: int):
    try:
        await llm.post_to_slack(f"Ticket {ticket_id} needs attention")
    # expect: VC101
    except Exception:
        pass
    return jsonify({"ok": True})


@app.post("/logout")
async def logout():
    session.clear()
    return jsonify({"ok": True})


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", debug=True)
