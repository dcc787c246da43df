from flask_login import current_user
from flask_socketio import emit, join_room, leave_room

from . import db, socketio
from .models import Message, Room, User


@socketio.on("connect")
def on_connect():
    if not current_user.is_authenticated:
        return False
    emit("hello", {"user": current_user.username})


@socketio.on("join")
def on_join(data):
    # expect: VC214
    room = db.session.get(Room, data["room_id"])
    if room is None:
        return
    join_room(str(room.id))
    emit("joined", {"user": current_user.username}, to=str(room.id))


@socketio.on("join_member_room")
def on_join_member_room(data):
    room = db.session.get(Room, data["room_id"])
    if room is None or current_user not in room.members:
        return
    join_room(str(room.id))


@socketio.on("leave")
def on_leave(data):
    leave_room(str(data["room_id"]))


@socketio.on("send")
def on_send(data):
    room = db.session.get(Room, data["room_id"])
    if room is None or current_user not in room.members:
        return
    message = Message(room_id=room.id, author_id=current_user.id, body=data["body"])
    db.session.add(message)
    db.session.commit()
    emit("message", {"id": message.id, "body": message.body}, to=str(room.id))


@socketio.on("edit")
def on_edit(data):
    message = db.session.get(Message, data["id"])
    if message is None or message.author_id != current_user.id:
        return
    message.body = data["body"]
    db.session.commit()
    emit("edited", {"id": message.id, "body": message.body}, to=str(message.room_id))


@socketio.on("delete")
def on_delete(data):
    # expect: VC214
    message = db.session.get(Message, data["id"])
    if message is None:
        return
    db.session.delete(message)
    db.session.commit()
    emit("deleted", {"id": data["id"]}, to=str(message.room_id))


# expect: VC218
@socketio.on("ban_user")
def on_ban_user(data):
    # expect: VC214 -- as in flask_tickets' ban_user: the user is anyone's, and the action an admin's
    user = db.session.get(User, data["user_id"])
    user.banned = True
    db.session.commit()


@socketio.on("kick")
def on_kick(data):
    if not current_user.is_admin:
        return
    user = db.session.get(User, data["user_id"])
    emit("kicked", {"user": user.username}, to=str(data["room_id"]))
