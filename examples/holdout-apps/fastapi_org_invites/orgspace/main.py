from fastapi import FastAPI

from .routers import admin, invites, members, projects

app = FastAPI(title="Orgspace")

app.include_router(projects.router)
app.include_router(projects.workspace_router)
app.include_router(members.router)
app.include_router(invites.router)
app.include_router(admin.router)
app.include_router(admin.billing_router)
app.include_router(admin.support_router)


@app.get("/health")
def health():
    return {"status": "ok"}
