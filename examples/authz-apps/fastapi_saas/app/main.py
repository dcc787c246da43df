from fastapi import FastAPI

from .routers import auth, projects, tenants

app = FastAPI(title="SaaS API")
app.include_router(auth.router)
app.include_router(projects.router)
app.include_router(tenants.router)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
