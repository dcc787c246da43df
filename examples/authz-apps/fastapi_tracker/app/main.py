from fastapi import FastAPI

from .api import projects

app = FastAPI(title="Tracker")
app.include_router(projects.router)
