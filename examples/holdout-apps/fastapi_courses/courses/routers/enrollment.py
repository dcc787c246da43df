import stripe
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from ..db import Session
from ..deps import CurrentUser
from ..models import Course, Enrollment
from ..settings import settings

router = APIRouter(prefix="/courses", tags=["enrollment"])
stripe.api_key = settings.stripe_secret_key


class EnrollIn(BaseModel):
    paid: bool = False
    payment_intent: str | None = None


@router.post("/{course_id}/enroll")
async def enroll(course_id: int, body: EnrollIn, user: CurrentUser, session: Session) -> dict:
    # ok: VC214 -- a course of the public catalogue, read to enrol in it
    course = await session.get(Course, course_id)
    if course is None:
        raise HTTPException(404, "course not found")
    # expect: VC207/VC215/VC217 -- the client says it paid
    enrollment = Enrollment(student_id=user.id, course_id=course.id, paid=body.paid)
    session.add(enrollment)
    await session.commit()
    return {"enrolled": True, "paid": enrollment.paid}


@router.post("/{course_id}/enroll/v2")
async def enroll_v2(course_id: int, body: EnrollIn, user: CurrentUser, session: Session) -> dict:
    # ok: VC214
    course = await session.get(Course, course_id)
    if course is None:
        raise HTTPException(404, "course not found")
    intent = stripe.PaymentIntent.retrieve(body.payment_intent or "")
    paid = intent.status == "succeeded" and intent.amount_received >= course.price_cents
    if not paid:
        raise HTTPException(402, "payment required")
    # ok: VC207/VC215
    enrollment = Enrollment(student_id=user.id, course_id=course.id, paid=paid)
    session.add(enrollment)
    await session.commit()
    return {"enrolled": True}
