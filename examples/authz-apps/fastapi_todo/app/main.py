from fastapi import Depends, FastAPI

from .auth import verify_api_key
from .routers import admin, todos

app = FastAPI(title="Todo API")
app.include_router(todos.router)
app.include_router(admin.router)


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/integrations/sync", dependencies=[Depends(verify_api_key)])
def sync():
    return {"synced": True}


# expect: VC219
@app.get("/stats/users")
def user_stats():
    return {"users": count_users()}
