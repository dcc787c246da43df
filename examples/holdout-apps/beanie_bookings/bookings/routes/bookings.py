from typing import Any

import httpx
from beanie import PydanticObjectId
from fastapi import APIRouter, Body, Depends, HTTPException, status

from bookings.auth import get_current_user, require_manager
from bookings.models import Booking, BookingIn, BookingNotesIn, BookingSearch, CalendarImport, Room, User

router = APIRouter(prefix="/bookings", tags=["bookings"], dependencies=[Depends(get_current_user)])


async def _own_booking(booking_id: PydanticObjectId, user: User) -> Booking:
    booking = await Booking.find_one(Booking.id == booking_id, Booking.user_id == user.id)
    if booking is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Booking not found")
    return booking


@router.post("", status_code=201)
async def create_booking(payload: BookingIn, user: User = Depends(get_current_user)) -> Booking:
    room = await Room.find_one(Room.id == payload.room_id, Room.org_id == user.org_id)
    if room is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Room not found")
    clash = await Booking.find_one(
        Booking.room_id == room.id,
        Booking.status != "cancelled",
        Booking.start < payload.end,
        Booking.end > payload.start,
    )
    if clash:
        raise HTTPException(status.HTTP_409_CONFLICT, "Room already booked for that slot")
    booking = Booking(**payload.model_dump(), user_id=user.id, org_id=user.org_id)
    await booking.insert()
    return booking


@router.get("/mine")
async def my_bookings(user: User = Depends(get_current_user)) -> list[Booking]:
    return await Booking.find(Booking.user_id == user.id).sort(-Booking.start).to_list()


@router.post("/search")
async def search_bookings(search: BookingSearch, user: User = Depends(get_current_user)) -> list[Booking]:
    # expect: VC422
    query = Booking.find({**search.filters, "org_id": user.org_id})
    return await query.limit(min(search.limit, 200)).to_list()


@router.get("/{booking_id}")
async def get_booking(booking_id: PydanticObjectId, user: User = Depends(get_current_user)) -> Booking:
    # expect: VC214
    booking = await Booking.get(booking_id)
    if booking is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Booking not found")
    return booking


@router.get("/mine/{booking_id}")
async def get_my_booking(booking_id: PydanticObjectId, user: User = Depends(get_current_user)) -> Booking:
    # ok: VC214
    return await _own_booking(booking_id, user)


@router.patch("/{booking_id}")
async def update_booking(
    booking_id: PydanticObjectId,
    changes: dict[str, Any] = Body(...),
    user: User = Depends(get_current_user),
) -> Booking:
    booking = await _own_booking(booking_id, user)
    # expect: VC215
    await booking.set(changes)
    return booking


@router.put("/{booking_id}/notes")
async def update_notes(
    booking_id: PydanticObjectId, payload: BookingNotesIn, user: User = Depends(get_current_user)
) -> Booking:
    booking = await _own_booking(booking_id, user)
    # ok: VC215
    await booking.set(payload.model_dump(exclude_unset=True))
    return booking


# expect: VC218
@router.post("/{booking_id}/approve")
async def approve_booking(booking_id: PydanticObjectId, user: User = Depends(get_current_user)) -> Booking:
    booking = await Booking.find_one(Booking.id == booking_id, Booking.org_id == user.org_id)
    if booking is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Booking not found")
    await booking.set({Booking.status: "approved"})
    return booking


# expect: VC218 -- forgotten: `require_manager` only logs, so any signed-in user rejects bookings
@router.post("/{booking_id}/reject")
async def reject_booking(booking_id: PydanticObjectId, manager: User = Depends(require_manager)) -> Booking:
    booking = await Booking.find_one(Booking.id == booking_id, Booking.org_id == manager.org_id)
    if booking is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Booking not found")
    await booking.set({Booking.status: "rejected"})
    return booking


@router.post("/{booking_id}/cancel")
async def cancel_booking(booking_id: PydanticObjectId, user: User = Depends(get_current_user)) -> Booking:
    booking = await _own_booking(booking_id, user)
    await booking.set({Booking.status: "cancelled"})
    return booking


@router.post("/import-calendar")
async def import_calendar(payload: CalendarImport, user: User = Depends(get_current_user)) -> dict:
    """Import busy slots from the user's ICS feed (Google/Outlook share link)."""
    async with httpx.AsyncClient(timeout=10) as client:
        # expect: VC405
        resp = await client.get(str(payload.url))
    resp.raise_for_status()
    events = resp.text.count("BEGIN:VEVENT")
    return {"imported": events}
