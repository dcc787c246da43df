"""VC215 corpus (Graphene and Beanie): a Graphene argument declared as a mapping (`GenericScalar()`, `JSONString()`)
holds any keys the client sends; Beanie's `doc.set(mapping)` writes every key of it."""
from typing import Any

import graphene
from beanie import Document
from fastapi import APIRouter, Body
from graphene.types.generic import GenericScalar
from pydantic import BaseModel

router = APIRouter()


class UpdateLoan(graphene.Mutation):
    class Arguments:
        loan_id = graphene.ID(required=True)
        changes = GenericScalar(required=True)
        due = graphene.String()

    ok = graphene.Boolean()

    def mutate(root, info, loan_id, changes, due=None):
        loan = Loan.objects.get(pk=loan_id, borrower=info.context.user)
        for field, value in changes.items():
            # expect: VC215
            setattr(loan, field, value)
        loan.save()
        return UpdateLoan(ok=True)


class RenameLoan(graphene.Mutation):
    class Arguments:
        loan_id = graphene.ID(required=True)
        labels = graphene.List(graphene.String)

    ok = graphene.Boolean()

    def mutate(root, info, loan_id, labels):
        loan = Loan.objects.get(pk=loan_id, borrower=info.context.user)
        for field, value in dict(zip(("title", "note"), labels)).items():
            # ok: VC215 -- the keys are the code's own
            setattr(loan, field, value)
        loan.save()
        return RenameLoan(ok=True)


class Booking(Document):
    title: str
    status: str = "pending"


class BookingNotes(BaseModel):
    title: str | None = None


@router.patch("/bookings/{booking_id}")
async def update_booking(booking_id: str, changes: dict[str, Any] = Body(...)):
    booking = await Booking.get(booking_id)
    # expect: VC215
    await booking.set(changes)
    return booking


@router.put("/bookings/{booking_id}/title")
async def update_title(booking_id: str, payload: BookingNotes):
    booking = await Booking.get(booking_id)
    # ok: VC215
    await booking.set(payload.model_dump(exclude_unset=True))
    return booking


@router.post("/bookings/{booking_id}/cancel")
async def cancel_booking(booking_id: str):
    booking = await Booking.get(booking_id)
    # ok: VC215
    await booking.set({Booking.status: "cancelled"})
    return booking
