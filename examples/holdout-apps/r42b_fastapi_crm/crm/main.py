import hashlib
import hmac
import os

from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware

from crm.config import get_settings
from crm.db import Base, engine
from crm.routers import admin, auth, contacts, deals, reports

app = FastAPI(title="CRM API")

app.add_middleware(
    CORSMiddleware,
    # ok: VC209
    allow_origins=get_settings().allowed_origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.include_router(auth.router)
app.include_router(contacts.router)
app.include_router(deals.router)
app.include_router(admin.router)
app.include_router(admin.team_router)
app.include_router(reports.router)


@app.on_event("startup")
def create_tables() -> None:
    Base.metadata.create_all(bind=engine)


@app.get("/health")
def health() -> dict:
    # ok: VC201
    return {"status": "ok"}


@app.post("/webhooks/billing")
async def billing_webhook(request: Request, x_signature: str = Header(...)) -> dict:
    body = await request.body()
    expected = hmac.new(os.environ["BILLING_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(expected, x_signature):
        raise HTTPException(status_code=401, detail="bad signature")
    return {"received": True}


@app.post("/webhooks/mail")
async def mail_webhook(request: Request, x_token: str = Header(...)) -> dict:
    # expect: VC204
    if x_token != os.environ["MAIL_WEBHOOK_TOKEN"]:
        raise HTTPException(status_code=401, detail="bad token")
    return {"received": True}
