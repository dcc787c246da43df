"""VC201 corpus (FastAPI/Starlette): unguarded routes fire; dependencies, Security and public routes do not."""
from typing import Annotated

from fastapi import APIRouter, Body, Depends, FastAPI, Form, Header, HTTPException, Request, Security, WebSocket, status
from fastapi.security import APIKeyHeader, HTTPBearer, OAuth2PasswordBearer
from fastapi_limiter.depends import RateLimiter
from firebase_admin.auth import UserRecord as AdminUser
from nacl.signing import VerifyKey
from sqlalchemy.orm import Session
from starlette.authentication import requires
from svix.webhooks import Webhook

from .deps import (CLERK_SECRET, DISCORD_PUBLIC_KEY, ROUTE_GUARDS, SIG, check_scope, get_current_active_superuser, get_db,
                   close_room, load_profile, verifications)

app = FastAPI()
router = APIRouter(prefix="/items")
admin_router = APIRouter(prefix="/admin", dependencies=[Depends(get_current_active_superuser)])
reports = APIRouter(prefix="/reports")
app.include_router(reports, dependencies=[Depends(get_current_active_superuser)])

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
bearer = HTTPBearer()
api_key_header = APIKeyHeader(name="X-API-Key")


async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]):
    return decode(token)


CurrentUser = Annotated[dict, Depends(get_current_user)]
SessionDep = Annotated[Session, Depends(get_db)]


# expect: VC201
@app.post("/orders")
async def create_order(order: dict, db: Session = Depends(get_db)):
    return db.add(order)


# expect: VC201
@router.put("/{item_id}")
async def replace_item(item_id: int, item: dict, db: SessionDep):
    return db.merge(item)


# expect: VC201
@router.delete("/{item_id}")
def delete_item(item_id: int):
    db.delete(item_id)


# expect: VC201
@app.patch("/items/{item_id}")
def patch_item(item_id: int, patch: dict, x_request_id: Annotated[str, Header()] = ""):
    return db.patch(item_id, patch)


# expect: VC201
@app.get("/admin/users")
def list_all_users():
    return db.users()


# expect: VC201
@app.api_route("/carts/{cart_id}", methods=["GET", "POST"])
def cart(cart_id: int):
    return db.cart(cart_id)


# expect: VC201
@router.post("")
async def create_item(item: dict):
    return db.add(item)


# expect: VC201
@app.get("/users/{user_id}")
def read_user(user_id: int):
    return db.user(user_id)


def upload_file(file: bytes):
    return store(file)


# expect: VC201
router.add_api_route("/upload", upload_file, methods=["POST"])


# ok: VC201
@app.post("/posts")
async def create_post(post: dict, user: CurrentUser):
    return db.add(post, owner=user)


# ok: VC201
@router.patch("/{item_id}/owner")
async def change_owner(item_id: int, current_user: dict = Depends(get_current_user)):
    return db.change_owner(item_id, current_user)


# ok: VC201 -- a dependency that hands over the verified (signed-in) user: open-webui's `get_verified_user`
@router.post("/{item_id}/archive")
def archive(item_id: int, user=Depends(get_verified_user)):
    return db.archive(item_id, user)


# expect: VC201 -- a dependency that only reads the payload: nothing about the caller is verified
@router.post("/{item_id}/restore")
def restore(item_id: int, payload=Depends(read_payload)):
    return db.restore(item_id, payload)


# ok: VC201
@app.delete("/sessions/{session_id}")
def revoke(session_id: str, credentials=Security(bearer)):
    return db.revoke(session_id)


# ok: VC201
@app.post("/ingest", dependencies=[Depends(api_key_header)])
def ingest(payload: dict):
    return db.ingest(payload)


# ok: VC201
@admin_router.post("/maintenance")
def maintenance():
    return run_maintenance()


# ok: VC201
@reports.delete("/{report_id}")
def delete_report(report_id: int):
    return db.delete_report(report_id)


# ok: VC201
@app.post("/token")
async def login_for_access_token(form: dict):
    return issue_token(form)


# ok: VC201
@app.get("/healthz")
def health():
    return {"ok": True}


# ok: VC201
@app.put("/profile")
async def update_profile(profile: dict, key: Annotated[str, Depends(api_key_header)]):
    return db.save(profile)


# ok: VC201
@app.post("/exports")
@requires("authenticated")
async def export(request):
    return start_export(request)


# ok: VC201
@app.post("/imports")
async def start_import(payload: dict, authorization: str = Header(None)):
    if not verify_token(authorization):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
    return db.start_import(payload)


# ok: VC201
@app.get("/items")
def list_items():
    return db.items()


ops = APIRouter(prefix="/admin/ops")
app.include_router(ops)


# expect: VC201
@ops.get("/queues")
def queue_depths():
    return read_queues()


fake_secret_token = "coneofsilence"


# ok: VC201
@app.post("/widgets/")
async def create_widget(widget: dict, x_token: Annotated[str, Header()]):
    if x_token != fake_secret_token:
        raise HTTPException(status_code=400, detail="Invalid X-Token header")
    return db.add(widget)


# ok: VC201
@app.delete("/widgets/{widget_id}")
def delete_widget(widget_id: int, api_key: str = Header(..., alias="X-API-Key")):
    if api_key not in VALID_KEYS:
        raise HTTPException(status_code=400)
    return db.delete(widget_id)


# expect: VC201
@app.post("/gadgets/")
async def create_gadget(gadget: dict, x_token: Annotated[str, Header()]):
    log.info("token %s", x_token)
    return db.add(gadget)


# expect: VC201
@app.post("/files/")
async def create_file(file: bytes, token: Annotated[str, Form()]):
    if token == "":
        raise HTTPException(status_code=422)
    return {"token": token}


discord_key = VerifyKey(bytes.fromhex(DISCORD_PUBLIC_KEY))


# ok: VC201 -- svix checks the signature headers
@app.post("/webhooks/clerk")
async def clerk_webhook(request: Request):
    event = Webhook(CLERK_SECRET).verify(await request.body(), dict(request.headers))
    return db.sync_user(event["data"])


# ok: VC201 -- PyNaCl checks the Ed25519 signature
@app.post("/webhooks/discord")
async def discord_webhook(request: Request):
    body = await request.body()
    discord_key.verify(request.headers["X-Timestamp"].encode() + body, bytes.fromhex(request.headers[SIG]))
    return {"type": 1}


# expect: VC201 -- the verifiers are imported, but this handler uses none
@app.post("/webhooks/resend")
async def resend_webhook(request: Request):
    event = await request.json()
    return db.record_bounce(event["data"])


# expect: VC201 -- the type is named like a guard, but `load_profile` is what runs, and it checks nothing
@app.delete("/profiles/{profile_id}")
def delete_profile(profile_id: int, profile: AdminUser = Depends(load_profile)):
    return db.delete_profile(profile_id)


# expect: VC201 -- the same in `Annotated[...]`
@app.delete("/profiles/{profile_id}/avatar")
def delete_avatar(profile_id: int, profile: Annotated[AdminUser, Depends(load_profile)]):
    return db.delete_avatar(profile_id)


# ok: VC201 -- a foreign type, and a factory that authenticates
@app.delete("/profiles/{profile_id}/banner")
def delete_banner(profile_id: int, user: Annotated[AdminUser, Depends(get_current_user)]):
    return db.delete_banner(profile_id)


# ok: VC201 -- `Depends()` with no factory calls the annotated class itself
@app.delete("/profiles/{profile_id}/theme")
def delete_theme(profile_id: int, user: AdminUser = Depends()):
    return db.delete_theme(profile_id)


# expect: VC201 -- a database session checks nobody
@app.post("/admin/reset-db", dependencies=[Depends(get_db)])
def reset_database():
    return db.reset()


# expect: VC201 -- a rate limiter slows callers down; it does not tell them apart
@app.delete("/items/{item_id}/hard", dependencies=[Depends(RateLimiter(times=2, seconds=5)), Depends(get_db)])
def hard_delete_item(item_id: int):
    return db.hard_delete(item_id)


# ok: VC201 -- beside the session, a dependency that may check the caller
@app.delete("/items/{item_id}/soft", dependencies=[Depends(get_db), Depends(check_scope)])
def soft_delete_item(item_id: int):
    return db.soft_delete(item_id)


resources_only = APIRouter(prefix="/exports", dependencies=[Depends(get_db)])


# expect: VC201 -- its router lists only a session
@resources_only.post("/run")
def run_export():
    return db.export()


# ok: VC201 -- a list of dependencies built elsewhere
@app.post("/imports/run", dependencies=ROUTE_GUARDS)
def run_import():
    return db.run_import()


# ok: VC201 -- the client proves itself with the one-time token it was sent, which the handler checks
@app.post("/verify")
async def verify(db: SessionDep, token: str = Body(..., embed=True)):
    return await verifications.check(db, token)


# expect: VC201 -- the same check of an id the client picks proves nothing
@app.post("/accounts/verify")
async def verify_account(db: SessionDep, account_id: int = Body(..., embed=True)):
    return await verifications.check(db, account_id)


def build_integration_router(secret: str) -> APIRouter:
    async def require_signature(request: Request) -> None:
        if not signatures.valid(secret, await request.body(), request.headers):
            raise HTTPException(status_code=401, detail="invalid signature")

    integration = APIRouter(prefix="/integration", dependencies=[Depends(require_signature)])

    # ok: VC201 -- the router an app factory builds carries the guard for every route on it
    @integration.post("/sessions/revoke", status_code=204)
    async def revoke_sessions(payload: dict) -> None:
        await sessions.revoke(payload["subject"])

    return integration


def build_sync_router() -> APIRouter:
    syncing = APIRouter(prefix="/sync", dependencies=[Depends(get_session)])

    # expect: VC201 -- a factory's router whose dependency only opens a session
    @syncing.post("/run")
    async def run_sync(payload: dict) -> None:
        await sync.run(payload["source"])

    return syncing


# ok: VC201 -- the one-time token in the body is redeemed: whoever holds it confirms the address it was sent to
@app.post("/email/verify/confirm")
def confirm_email_verification(payload: EmailVerificationConfirmation, db: SessionDep):
    record = action_tokens.consume(db, payload.token, "email-verification")
    db.get(User, record.user_id).email_verified = True
    db.commit()


# expect: VC201 -- consuming what the body names by id is no credential
@app.post("/vouchers/consume")
def consume_voucher(payload: VoucherChoice, db: SessionDep):
    vouchers.consume(db, payload.voucher_id)
    db.commit()


# ok: VC201 -- a sign-up: creating one's own account in the users collection is open by design
@app.post("/users", status_code=201)
async def sign_up(payload: dict, db: SessionDep):
    db.add(User(email=payload["email"], password_hash=hash_password(payload["password"])))


# expect: VC201 -- the same collection, but the handler makes every new account an administrator
@router.post("/accounts")
async def create_account(payload: dict, db: SessionDep):
    db.add(User(email=payload["email"], is_admin=True))


# expect: VC201 -- an account created under an administrative path is no sign-up
@app.post("/admin/users")
async def admin_create_user(payload: dict, db: SessionDep):
    db.add(User(email=payload["email"]))


# expect: VC201 -- an object's collection below the users is no sign-up either
@app.post("/users/{user_id}/keys")
async def add_key(user_id: int, db: SessionDep):
    db.add(ApiKey(user_id=user_id))


# ok: VC201 -- the Bot Framework adapter authenticates the request by the token in its Authorization header
@app.post("/teams/events")
async def teams_events(req: Request):
    body = await req.json()
    return await adapter.process_activity(body, req.headers.get("Authorization", ""), bot.on_turn)


# expect: VC201 -- a bot endpoint that sends an activity without checking who posted it
@app.post("/teams/notify")
async def teams_notify(req: Request):
    body = await req.json()
    return await adapter.send_activity(body)


password_router = APIRouter(prefix="/auth/reset")


# ok: VC201 -- asking for a reset link is how a signed-out user gets back in
@password_router.post("")
async def request_reset(email: Annotated[str, Body()]):
    return await send_reset_link(email)


# ok: VC201 -- the same step under `/password/`
@app.post("/api/password/forgot")
async def forgot(email: Annotated[str, Body()]):
    return await send_reset_link(email)


# expect: VC201 -- `reset` alone acts on something of the caller's
@app.post("/settings/reset")
async def reset_settings(db: SessionDep):
    return db.reset_settings()


# expect: VC201 -- an account's id before the step: an admin resetting someone else's password
@app.post("/auth/{user_id}/reset")
async def reset_user(user_id: int, db: SessionDep):
    return db.reset_password(user_id)


# expect: VC201 -- an administrative WebSocket endpoint anyone may open
@app.websocket("/ws/admin")
async def admin_socket(websocket: WebSocket):
    await websocket.accept()
    command = await websocket.receive_json()
    await close_room(command["room"])


# ok: VC201 -- the same endpoint behind the superuser dependency
@app.websocket("/ws/admin/guarded")
async def admin_socket_guarded(websocket: WebSocket, user=Depends(get_current_active_superuser)):
    await websocket.accept()
    command = await websocket.receive_json()
    await close_room(command["room"])


# ok: VC201 -- a public chat socket: reached by a GET, on no administrative path
@app.websocket("/ws/chat/{room}")
async def chat_socket(websocket: WebSocket, room: str):
    await websocket.accept()
    await websocket.send_json({"room": room})
