from beanie import PydanticObjectId
from fastapi import APIRouter, Depends, HTTPException, status

from bookings.auth import require_admin
from bookings.db import raw_db
from bookings.models import Booking, User

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_admin)])
internal = APIRouter(prefix="/internal", tags=["internal"])


# ok: VC201/VC218
@router.delete("/users/{user_id}", status_code=204)
async def delete_user(user_id: PydanticObjectId, admin: User = Depends(require_admin)) -> None:
    user = await User.find_one(User.id == user_id, User.org_id == admin.org_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "User not found")
    await Booking.find(Booking.user_id == user.id).delete()
    await user.delete()


# ok: VC201/VC218
@router.post("/users/{user_id}/promote")
async def promote_user(user_id: PydanticObjectId, admin: User = Depends(require_admin)) -> User:
    user = await User.find_one(User.id == user_id, User.org_id == admin.org_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "User not found")
    await user.set({User.role: "manager"})
    # expect: VC429 -- the `-> User` answer is the stored document, password hash included
    return user


# expect: VC201
@internal.post("/reindex")
async def reindex() -> dict:
    """Called by the deploy job after migrations."""
    db = raw_db()
    await db["bookings"].create_index([("room_id", 1), ("start", 1)])
    await db["bookings"].create_index([("user_id", 1)])
    return {"status": "ok"}


# expect: VC201
@internal.delete("/purge-cancelled")
async def purge_cancelled() -> dict:
    result = await Booking.find(Booking.status == "cancelled").delete()
    return {"deleted": result.deleted_count if result else 0}
