from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .db import init_db
from .deps import get_current_user
from .routers import auth, invoices, members, projects, reports, webhooks

app = FastAPI(title="Acme SaaS API")

# expect: VC209
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.include_router(auth.router)
app.include_router(projects.router)
app.include_router(members.router)
app.include_router(invoices.router, dependencies=[Depends(get_current_user)])
app.include_router(reports.router)
app.include_router(webhooks.router)


@app.on_event("startup")
def on_startup() -> None:
    init_db()


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}
