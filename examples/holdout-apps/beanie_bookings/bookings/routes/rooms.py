import re

from beanie import PydanticObjectId
from fastapi import APIRouter, Depends, HTTPException, Query, status

from bookings.auth import get_current_user, require_admin
from bookings.db import raw_db
from bookings.models import Booking, Room, User

router = APIRouter(prefix="/rooms", tags=["rooms"])


@router.get("")
async def list_rooms(user: User = Depends(get_current_user)) -> list[Room]:
    return await Room.find(Room.org_id == user.org_id).sort(+Room.name).to_list()


@router.get("/search")
async def search_rooms(q: str = Query(min_length=1), user: User = Depends(get_current_user)) -> list[Room]:
    # ok: VC422/VC409
    pattern = {"$regex": re.escape(q), "$options": "i"}
    return await Room.find({"name": pattern, "org_id": user.org_id}).to_list()


@router.get("/available")
async def available_rooms(
    min_capacity: str = Query("1"), floor: str | None = None, user: User = Depends(get_current_user)
) -> list[Room]:
    where = f"this.capacity >= {min_capacity}" + (f" && this.floor == '{floor}'" if floor else "")
    # expect: VC422
    return await Room.find({"$where": where, "org_id": user.org_id}).to_list()


@router.get("/{room_id}/usage")
async def room_usage(room_id: PydanticObjectId, user: User = Depends(get_current_user)) -> dict:
    room = await Room.find_one(Room.id == room_id, Room.org_id == user.org_id)
    if room is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Room not found")
    count = await Booking.find(Booking.room_id == room.id, Booking.status == "approved").count()
    return {"room": room.name, "approved_bookings": count}


@router.post("/report")
async def usage_report(pipeline: list[dict], user: User = Depends(require_admin)) -> list[dict]:
    """Ad-hoc report for the admin dashboard: the frontend sends the aggregation stages."""
    stages = [{"$match": {"org_id": user.org_id}}, *pipeline]
    # expect: VC422
    cursor = raw_db()["bookings"].aggregate(stages)
    return [dict(row, _id=str(row.get("_id"))) async for row in cursor]


@router.post("", status_code=201)
async def create_room(room: Room, admin: User = Depends(require_admin)) -> Room:
    # ok: VC215
    room.org_id = admin.org_id
    await room.insert()
    return room
