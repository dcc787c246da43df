from fastapi import FastAPI

from . import notes, users

app = FastAPI()
app.include_router(notes.router)
app.include_router(users.router)
