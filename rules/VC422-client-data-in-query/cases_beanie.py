"""VC422 corpus (Beanie and Motor): a client mapping spread into a MongoDB filter names its fields and operators
(`$where`, `$or`), whatever its values hold."""
from typing import Any

from beanie import Document
from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()


class Booking(Document):
    org_id: str
    title: str


class Search(BaseModel):
    filters: dict[str, Any] = {}
    title: str = ""


@router.post("/bookings/search")
async def search(search: Search, org_id: str):
    # expect: VC422
    return await Booking.find({**search.filters, "org_id": org_id}).to_list()


@router.post("/bookings/by-title")
async def by_title(search: Search, org_id: str):
    # ok: VC422 -- a typed string as a value
    return await Booking.find({"title": search.title, "org_id": org_id}).to_list()


DEFAULTS = {"archived": False}


@router.get("/bookings/active")
async def active(org_id: str):
    # ok: VC422 -- the code's own mapping
    return await Booking.find({**DEFAULTS, "org_id": org_id}).to_list()


@router.post("/bookings/count")
async def count(filters: dict, org_id: str):
    # expect: VC422
    return await Booking.find({"org_id": org_id, **filters}).count()
