from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import reports, vehicles

app = FastAPI(title="Fleet API")
app.add_middleware(
    CORSMiddleware,
    # ok: VC209
    allow_origins=["https://fleet.example.com"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.include_router(vehicles.router)
app.include_router(reports.router)
