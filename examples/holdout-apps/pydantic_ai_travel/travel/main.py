"""FastAPI front for the travel assistant."""

from __future__ import annotations

import logging
import time

import httpx
import requests
from fastapi import Depends, FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel
from sqlmodel import Session, select

from .agent import Deps, TripPlan, agent, save_itinerary
from .auth import current_user, hash_password, make_token, pwd
from .db import get_session
from .function_calls import answer, classify_ticket
from .models import Booking, User

log = logging.getLogger(__name__)
app = FastAPI(title="travel-assistant")
# expect: VC209
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


class ChatIn(BaseModel):
    message: str


class SignUp(BaseModel):
    email: str
    password: str
    is_admin: bool = False


@app.post("/signup")
def signup(body: SignUp, session: Session = Depends(get_session)) -> dict:
    # expect: VC207/VC217
    user = User(email=body.email, password_hash=hash_password(body.password), is_admin=body.is_admin)
    session.add(user)
    session.commit()
    return {"id": user.id}


@app.post("/token")
def token(form: OAuth2PasswordRequestForm = Depends(), session: Session = Depends(get_session)) -> dict:
    user = session.exec(select(User).where(User.email == form.username)).first()
    if user is None or not pwd.verify(form.password, user.password_hash):
        raise HTTPException(status_code=401, detail="bad credentials")
    log.info("login ok for %s", form.username)
    return {"access_token": make_token(user), "token_type": "bearer"}


@app.post("/chat")
async def chat(body: ChatIn, user: User = Depends(current_user), session: Session = Depends(get_session)) -> dict:
    async with httpx.AsyncClient(timeout=15) as http:
        try:
            result = await agent.run(body.message, deps=Deps(session=session, http=http, user_id=user.id))
        except Exception as exc:
            log.exception("agent run failed")
            # expect: VC414
            raise HTTPException(status_code=502, detail=f"agent failed: {exc}") from exc
    plan: TripPlan = result.data
    saved = save_itinerary(plan)
    return {"summary": plan.summary, "flights": plan.flight_numbers, "file": saved}


@app.get("/chat/render", response_class=HTMLResponse)
async def chat_render(q: str, user: User = Depends(current_user), session: Session = Depends(get_session)) -> str:
    async with httpx.AsyncClient(timeout=15) as http:
        result = await agent.run(q, deps=Deps(session=session, http=http, user_id=user.id))
    # expect: VC401/VC411/VC427
    return f"<html><body><h1>Your trip</h1><div class='summary'>{result.data.summary}</div></body></html>"


@app.post("/support")
async def support(body: ChatIn, user: User = Depends(current_user)) -> dict:
    category = classify_ticket(body.message)
    # expect: VC110
    time.sleep(0.5)
    # expect: VC112
    return {"category": category, "answer": answer(body.message)}


@app.get("/bookings/{booking_id}")
def get_booking(booking_id: int, user: User = Depends(current_user), session: Session = Depends(get_session)) -> Booking:
    # expect: VC214
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise HTTPException(status_code=404)
    return booking


@app.get("/my/bookings/{booking_id}")
def get_my_booking(booking_id: int, user: User = Depends(current_user),
                   session: Session = Depends(get_session)) -> Booking:
    # ok: VC214
    booking = session.exec(select(Booking).where(Booking.id == booking_id, Booking.user_id == user.id)).first()
    if booking is None:
        raise HTTPException(status_code=404)
    return booking


@app.patch("/bookings/{booking_id}")
def update_booking(booking_id: int, changes: dict, user: User = Depends(current_user),
                   session: Session = Depends(get_session)) -> Booking:
    booking = session.exec(select(Booking).where(Booking.id == booking_id, Booking.user_id == user.id)).first()
    if booking is None:
        raise HTTPException(status_code=404)
    for key, value in changes.items():
        # expect: VC215
        setattr(booking, key, value)
    session.add(booking)
    session.commit()
    return booking


@app.post("/flights/sync")
async def sync_flights(user: User = Depends(current_user)) -> dict:
    if not user.is_admin:
        raise HTTPException(status_code=403)
    # expect: VC110
    resp = requests.get("https://partner.example.com/flights.json", timeout=30)
    resp.raise_for_status()
    return {"count": len(resp.json())}
