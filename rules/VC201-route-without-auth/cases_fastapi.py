"""VC201 corpus (FastAPI/Starlette): unguarded routes fire; dependencies, Security and public routes do not."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Security, status
from fastapi.security import APIKeyHeader, HTTPBearer, OAuth2PasswordBearer
from sqlalchemy.orm import Session
from starlette.authentication import requires

from .deps import get_current_active_superuser, get_db

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


@app.post("/orders")
# expect: VC201
async def create_order(order: dict, db: Session = Depends(get_db)):
    return db.add(order)


@router.put("/{item_id}")
# expect: VC201
async def replace_item(item_id: int, item: dict, db: SessionDep):
    return db.merge(item)


@router.delete("/{item_id}")
# expect: VC201
def delete_item(item_id: int):
    db.delete(item_id)


@app.patch("/items/{item_id}")
# expect: VC201
def patch_item(item_id: int, patch: dict, x_request_id: Annotated[str, Header()] = ""):
    return db.patch(item_id, patch)


@app.get("/admin/users")
# expect: VC201
def list_all_users():
    return db.users()


@app.api_route("/carts/{cart_id}", methods=["GET", "POST"])
# expect: VC201
def cart(cart_id: int):
    return db.cart(cart_id)


@router.post("")
# expect: VC201
async def create_item(item: dict):
    return db.add(item)


@app.get("/users/{user_id}")
# expect: VC201
def read_user(user_id: int):
    return db.user(user_id)


def upload_file(file: bytes):
    return store(file)


# expect: VC201
router.add_api_route("/upload", upload_file, methods=["POST"])


@app.post("/posts")
# ok: VC201
async def create_post(post: dict, user: CurrentUser):
    return db.add(post, owner=user)


@router.patch("/{item_id}/owner")
# ok: VC201
async def change_owner(item_id: int, current_user: dict = Depends(get_current_user)):
    return db.change_owner(item_id, current_user)


@app.delete("/sessions/{session_id}")
# ok: VC201
def revoke(session_id: str, credentials=Security(bearer)):
    return db.revoke(session_id)


@app.post("/ingest", dependencies=[Depends(api_key_header)])
# ok: VC201
def ingest(payload: dict):
    return db.ingest(payload)


@admin_router.post("/maintenance")
# ok: VC201
def maintenance():
    return run_maintenance()


@reports.delete("/{report_id}")
# ok: VC201
def delete_report(report_id: int):
    return db.delete_report(report_id)


@app.post("/token")
# ok: VC201
async def login_for_access_token(form: dict):
    return issue_token(form)


@app.get("/healthz")
# ok: VC201
def health():
    return {"ok": True}


@app.put("/profile")
# ok: VC201
async def update_profile(profile: dict, key: Annotated[str, Depends(api_key_header)]):
    return db.save(profile)


@app.post("/exports")
@requires("authenticated")
# ok: VC201
async def export(request):
    return start_export(request)


@app.post("/imports")
# ok: VC201
async def start_import(payload: dict, authorization: str = Header(None)):
    if not verify_token(authorization):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
    return db.start_import(payload)


@app.get("/items")
# ok: VC201
def list_items():
    return db.items()


ops = APIRouter(prefix="/admin/ops")
app.include_router(ops)


@ops.get("/queues")
# expect: VC201
def queue_depths():
    return read_queues()
