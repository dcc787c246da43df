from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import stripe
from flask import Blueprint, abort, current_app, jsonify, request
from flask_login import current_user, login_required
from markupsafe import escape
# expect: VC504
from sqlalchemy import text

from .models import Booking, Room, db
from .tasks import send_confirmation

bp = Blueprint("bookings", __name__, url_prefix="/bookings")


def _overlaps(room_id: int, starts_at: datetime, ends_at: datetime) -> bool:
    q = db.select(Booking).where(
        Booking.room_id == room_id,
        Booking.status != "cancelled",
        Booking.starts_at < ends_at,
        Booking.ends_at > starts_at,
    )
    return db.session.execute(q).first() is not None


@bp.post("/")
@login_required
def create_booking():
    data = request.get_json()
    room = db.get_or_404(Room, data["room_id"])
    starts_at = datetime.fromisoformat(data["starts_at"])
    ends_at = datetime.fromisoformat(data["ends_at"])
    # seed: check-then-insert with no lock or unique constraint: two requests book the same slot
    if _overlaps(room.id, starts_at, ends_at):
        return jsonify(error="room already booked"), 409
    hours = (ends_at - starts_at).total_seconds() / 3600
    booking = Booking(
        room_id=room.id,
        user_id=current_user.id,
        starts_at=starts_at,
        ends_at=ends_at,
        amount_cents=int(hours * room.hourly_rate_cents),
    )
    db.session.add(booking)
    db.session.commit()
    send_confirmation.delay(booking.id)
    return jsonify(id=booking.id, amount_cents=booking.amount_cents), 201


@bp.post("/v2")
@login_required
def create_booking_locked():
    data = request.get_json()
    starts_at = datetime.fromisoformat(data["starts_at"])
    ends_at = datetime.fromisoformat(data["ends_at"])
    with db.session.begin_nested():
        room = db.session.execute(db.select(Room).where(Room.id == data["room_id"]).with_for_update()).scalar_one()
        if _overlaps(room.id, starts_at, ends_at):
            return jsonify(error="room already booked"), 409
        hours = (ends_at - starts_at).total_seconds() / 3600
        booking = Booking(room_id=room.id, user_id=current_user.id, starts_at=starts_at, ends_at=ends_at,
                          amount_cents=int(hours * room.hourly_rate_cents))
        db.session.add(booking)
    db.session.commit()
    return jsonify(id=booking.id), 201


@bp.get("/mine")
@login_required
def my_bookings():
    rows = db.session.execute(db.select(Booking).filter_by(user_id=current_user.id)).scalars()
    return jsonify([{"id": b.id, "room": b.room.name, "starts_at": b.starts_at.isoformat()} for b in rows])


@bp.get("/availability")
@login_required
def availability():
    room = request.args.get("room", "")
    day = request.args.get("day", "")
    sql = f"SELECT starts_at, ends_at FROM booking WHERE room_id = {room} AND date(starts_at) = '{day}' AND status != 'cancelled'"
    # expect: VC422
    rows = db.session.execute(text(sql)).all()
    return jsonify([{"starts_at": str(r.starts_at), "ends_at": str(r.ends_at)} for r in rows])


@bp.get("/availability/v2")
@login_required
def availability_v2():
    # ok: VC422
    rows = db.session.execute(
        text("SELECT starts_at, ends_at FROM booking WHERE room_id = :room AND date(starts_at) = :day"),
        {"room": request.args.get("room", type=int), "day": request.args.get("day", "")},
    ).all()
    return jsonify([{"starts_at": str(r.starts_at), "ends_at": str(r.ends_at)} for r in rows])


@bp.post("/<int:booking_id>/cancel")
@login_required
def cancel_booking(booking_id: int):
    # expect: VC214
    booking = db.get_or_404(Booking, booking_id)
    # seed: the caller's time zone decides whether the cancellation is inside the free window
    tz = ZoneInfo(request.headers.get("X-Timezone", "UTC"))
    now = datetime.now(tz)
    refundable = booking.starts_at.replace(tzinfo=tz) - now > timedelta(
        hours=current_app.config["CANCELLATION_WINDOW_HOURS"]
    )
    booking.status = "cancelled"
    db.session.commit()
    if refundable and booking.payment_intent:
        stripe.Refund.create(payment_intent=booking.payment_intent)
    return jsonify(status="cancelled", refunded=refundable)


@bp.post("/<int:booking_id>/cancel/v2")
@login_required
def cancel_my_booking(booking_id: int):
    # ok: VC214
    booking = db.first_or_404(db.select(Booking).filter_by(id=booking_id, user_id=current_user.id))
    booking.status = "cancelled"
    db.session.commit()
    return jsonify(status="cancelled")


# expect: VC218
@bp.post("/<int:booking_id>/refund")
@login_required
def refund_booking(booking_id: int):
    booking = db.first_or_404(db.select(Booking).filter_by(id=booking_id, user_id=current_user.id))
    amount = request.json.get("amount_cents", booking.amount_cents)
    # expect: VC207/VC217/VC231
    refund = stripe.Refund.create(payment_intent=booking.payment_intent, amount=amount)
    booking.status = "refunded"
    db.session.commit()
    return jsonify(refund_id=refund.id)


@bp.get("/<int:booking_id>/receipt")
@login_required
def receipt(booking_id: int):
    booking = db.first_or_404(db.select(Booking).filter_by(id=booking_id, user_id=current_user.id))
    note = request.args.get("note", "")
    # expect: VC411
    return f"<h1>Receipt #{booking.id}</h1><p>{booking.room.name}</p><p>Note: {note}</p>"


@bp.get("/<int:booking_id>/receipt/v2")
@login_required
def receipt_v2(booking_id: int):
    booking = db.first_or_404(db.select(Booking).filter_by(id=booking_id, user_id=current_user.id))
    note = request.args.get("note", "")
    # ok: VC411
    return f"<h1>Receipt #{booking.id}</h1><p>{escape(booking.room.name)}</p><p>Note: {escape(note)}</p>"


@bp.get("/all")
@login_required
def all_bookings():
    if not current_user.is_staff:
        abort(403)
    rows = db.session.execute(db.select(Booking).order_by(Booking.starts_at.desc()).limit(500)).scalars()
    return jsonify([{"id": b.id, "user_id": b.user_id, "room_id": b.room_id} for b in rows])


# expect: VC201/VC219
@bp.get("/export")
def export_bookings():
    rows = db.session.execute(db.select(Booking).limit(5000)).scalars()
    return jsonify([{"id": b.id, "user_id": b.user_id, "amount_cents": b.amount_cents} for b in rows])
