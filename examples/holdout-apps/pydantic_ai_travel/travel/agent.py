"""The pydantic-ai travel agent and its tools."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import date

import httpx
from pydantic import BaseModel
from pydantic_ai import Agent, RunContext
# expect: VC504
from sqlalchemy import text
from sqlmodel import Session, select

from .models import Booking, Flight
from .settings import settings


@dataclass
class Deps:
    session: Session
    http: httpx.AsyncClient
    user_id: int


class TripPlan(BaseModel):
    summary: str
    flight_numbers: list[str]
    filename: str


agent = Agent(
    settings.openai_model,
    deps_type=Deps,
    result_type=TripPlan,
    system_prompt="You are a travel agent. Use the tools to find flights and book them for the user.",
)


@agent.tool
async def search_flights(ctx: RunContext[Deps], origin: str, destination: str, on: date) -> list[dict]:
    """Find flights between two airports on a day."""
    # ok: VC401/VC402
    rows = ctx.deps.session.exec(
        select(Flight).where(Flight.origin == origin, Flight.destination == destination, Flight.depart == on)
    ).all()
    return [row.model_dump() for row in rows]


@agent.tool
async def search_by_filter(ctx: RunContext[Deps], condition: str) -> list[dict]:
    """Search flights with a free SQL condition, e.g. `price_eur < 200 AND origin = 'BER'`."""
    # expect: VC401/VC402
    rows = ctx.deps.session.exec(text(f"SELECT * FROM flight WHERE {condition} LIMIT 25")).all()
    return [dict(row._mapping) for row in rows]


@agent.tool
async def my_bookings(ctx: RunContext[Deps]) -> list[dict]:
    """The signed-in user's bookings."""
    rows = ctx.deps.session.exec(select(Booking).where(Booking.user_id == ctx.deps.user_id)).all()
    return [row.model_dump() for row in rows]


@agent.tool
async def cancel_booking(ctx: RunContext[Deps], booking_id: int) -> str:
    """Cancel one of the user's bookings."""
    # expect: VC401/VC214
    booking = ctx.deps.session.get(Booking, booking_id)
    if booking is None:
        return "no such booking"
    booking.status = "cancelled"
    ctx.deps.session.add(booking)
    ctx.deps.session.commit()
    return f"cancelled {booking_id}"


@agent.tool
async def change_seat(ctx: RunContext[Deps], booking_id: int, seat: str) -> str:
    """Change the seat of one of the user's bookings."""
    # ok: VC401/VC214
    booking = ctx.deps.session.exec(
        select(Booking).where(Booking.id == booking_id, Booking.user_id == ctx.deps.user_id)
    ).first()
    if booking is None:
        return "no such booking"
    booking.seat = seat[:4]
    ctx.deps.session.add(booking)
    ctx.deps.session.commit()
    return "seat changed"


@agent.tool_plain
def currency_math(expression: str) -> str:
    """Evaluate a currency conversion such as `129.90 * 1.08`."""
    # expect: VC401/VC424
    return str(eval(expression))


@agent.tool
async def read_webpage(ctx: RunContext[Deps], url: str) -> str:
    """Read a hotel or airline web page the user mentions."""
    # expect: VC401/VC405
    resp = await ctx.deps.http.get(url)
    resp.raise_for_status()
    return resp.text[:8000]


@agent.tool
async def weather(ctx: RunContext[Deps], city: str) -> str:
    """Weather forecast for a city."""
    # ok: VC401/VC405
    resp = await ctx.deps.http.get("https://api.open-meteo.com/v1/forecast", params={"city": city})
    resp.raise_for_status()
    return resp.text[:2000]


def save_itinerary(plan: TripPlan) -> str:
    os.makedirs(settings.itinerary_dir, exist_ok=True)
    # expect: VC401/VC417
    with open(os.path.join(settings.itinerary_dir, plan.filename), "w") as fh:
        fh.write(plan.summary)
    return plan.filename


def save_itinerary_safely(plan: TripPlan) -> str:
    name = f"{uuid.uuid4().hex}.md"
    # ok: VC401/VC417
    (settings.itinerary_dir / name).write_text(plan.summary)
    return name
