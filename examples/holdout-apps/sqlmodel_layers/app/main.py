from fastapi import FastAPI

from .routers import projects

app = FastAPI(title="Projects")
app.include_router(projects.router)


@app.get("/health")
def health():
    return {"ok": True}
