"""VC214 corpus, pydantic-ai tools: the model picks a tool's ids for the user the agent runs for, whose identity the run
context carries when its deps class has a field for it."""
from dataclasses import dataclass

from pydantic_ai import Agent, RunContext
from sqlmodel import Session, select

from .models import Booking, Flight


@dataclass
class Deps:
    session: Session
    user_id: int


@dataclass
class PublicDeps:
    session: Session


agent = Agent("openai:gpt-4o", deps_type=Deps)
public_agent = Agent("openai:gpt-4o", deps_type=PublicDeps)


@agent.tool
async def cancel_booking(ctx: RunContext[Deps], booking_id: int) -> str:
    # expect: VC214 -- any booking the model names, whoever the user is
    booking = ctx.deps.session.get(Booking, booking_id)
    booking.status = "cancelled"
    ctx.deps.session.commit()
    return "cancelled"


@agent.tool
async def show_booking(ctx: RunContext[Deps], booking_id: int) -> dict:
    # ok: VC214 -- scoped to the user the agent runs for
    booking = ctx.deps.session.exec(
        select(Booking).where(Booking.id == booking_id, Booking.user_id == ctx.deps.user_id)).first()
    return booking.model_dump()


@agent.tool
async def flight_status(ctx: RunContext[Deps], flight_id: int) -> dict:
    # expect: VC214 -- read by the model's id in a tool that knows the user, as a handler would be
    return ctx.deps.session.get(Flight, flight_id).model_dump()


@public_agent.tool
async def public_flight(ctx: RunContext[PublicDeps], flight_id: int) -> dict:
    # ok: VC214 -- the run context carries no user: a public catalogue
    return ctx.deps.session.get(Flight, flight_id).model_dump()


@agent.tool_plain
def flight_by_number(flight_id: int) -> str:
    # ok: VC214 -- no run context, no user
    return str(flight_id)


def load_booking(session: Session, booking_id: int) -> Booking:
    # ok: VC214 -- not a tool: the caller's id
    return session.get(Booking, booking_id)
