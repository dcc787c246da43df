import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.sessions import SessionMiddleware

api = FastAPI(title="filedrop mobile api")
# expect: VC209
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"],
                   allow_headers=["*"])
# expect: VC210 -- no https_only=True
# ok: VC203
api.add_middleware(SessionMiddleware, secret_key=os.environ["FILEDROP_SESSION_KEY"])

public = FastAPI(title="filedrop public status")
# ok: VC209
public.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])


@public.get("/status")
def status() -> dict:
    return {"ok": True}
