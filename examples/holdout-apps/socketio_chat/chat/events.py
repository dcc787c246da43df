"""Socket.IO event handlers: joining rooms, messages, moderation, attachments."""
import base64
import logging
import os

import requests
from flask import request
from flask_login import current_user
from flask_socketio import disconnect, emit, join_room, leave_room
# expect: VC504 -- sqlalchemy comes with flask-sqlalchemy but is not declared
from sqlalchemy import text

from . import db, socketio
from .models import Membership, Message, Room

log = logging.getLogger(__name__)
ATTACH_DIR = os.path.abspath("attachments")


@socketio.on("connect")
def on_connect(auth):
    # expect: VC212/VC216 -- returns None for strangers, which Flask-SocketIO takes as "accept"
    if not current_user.is_authenticated:
        log.warning("anonymous socket %s", request.sid)
        return
    emit("hello", {"user": current_user.username})


@socketio.on("join")
def on_join(data):
    room_id = data["room"]
    # expect: VC214 -- joins and reads any private room's history, member or not
    room = db.session.get(Room, room_id)
    join_room(room.name)
    history = Message.query.filter_by(room_id=room.id).order_by(Message.created_at.desc()).limit(50).all()
    emit("history", [{"id": m.id, "body": m.body} for m in history])


@socketio.on("join_checked")
def on_join_checked(data):
    # ok: VC214 -- membership checked first
    membership = Membership.query.filter_by(user_id=current_user.id, room_id=data["room"]).first()
    if membership is None:
        disconnect()
        return
    room = db.session.get(Room, membership.room_id)
    join_room(room.name)


@socketio.on("message")
def on_message(data):
    room = data["room"]
    body = data["body"]
    # expect: VC422/VC402 -- message text pasted into the INSERT
    db.session.execute(text(f"INSERT INTO message (room_id, author_id, body) VALUES ({room}, {current_user.id}, '{body}')"))
    db.session.commit()
    emit("message", {"author": current_user.username, "body": body}, to=str(room))


@socketio.on("search")
def on_search(data):
    # ok: VC422/VC402 -- bound parameter
    rows = db.session.execute(text("SELECT id, body FROM message WHERE room_id = :room AND body LIKE :q"),
                              {"room": data["room"], "q": f"%{data['q']}%"}).all()
    emit("results", [dict(r._mapping) for r in rows])


@socketio.on("delete_message")
def on_delete_message(data):
    # expect: VC214 -- deletes anyone's message by id
    msg = db.session.get(Message, data["id"])
    db.session.delete(msg)
    db.session.commit()
    emit("deleted", {"id": data["id"]}, to=str(msg.room_id))


@socketio.on("delete_own_message")
def on_delete_own_message(data):
    # ok: VC214 -- scoped to the author
    msg = Message.query.filter_by(id=data["id"], author_id=current_user.id).first_or_404()
    db.session.delete(msg)
    db.session.commit()


@socketio.on("kick")
def on_kick(data):
    # expect: VC218 -- any user kicks anyone
    leave_room(data["room"], sid=data["sid"])
    emit("kicked", {"sid": data["sid"]}, to=data["room"])


@socketio.on("attachment")
def on_attachment(data):
    content = base64.b64decode(data["content"])
    # expect: VC405/VC409 -- the client names the file written
    with open(os.path.join(ATTACH_DIR, data["filename"]), "wb") as f:
        f.write(content)
    emit("attached", {"name": data["filename"]}, to=data["room"])


@socketio.on("preview")
def on_preview(data):
    # expect: VC405 -- the server fetches any URL a message names
    page = requests.get(data["url"], timeout=5)
    # expect: VC107 -- an error page's text is the preview
    emit("preview", {"url": data["url"], "title": page.text[:200]})


@socketio.on("leave")
def on_leave(data):
    try:
        leave_room(data["room"])
    # expect: VC101
    except Exception:
        pass


@socketio.on_error_default
def on_error(e):
    # expect: VC414 -- the exception text goes back over the socket
    emit("error", {"message": str(e)})
