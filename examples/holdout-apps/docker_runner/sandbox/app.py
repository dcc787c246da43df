"""HTTP API that runs user snippets in throwaway containers."""

from __future__ import annotations

import hmac
import logging
from typing import Annotated

from docker.errors import APIError, ContainerError
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

from . import engine
from .settings import settings

log = logging.getLogger(__name__)
app = FastAPI(title="sandbox-runner")


def require_token(authorization: Annotated[str, Header()] = "") -> None:
    presented = authorization.removeprefix("Bearer ")
    if not hmac.compare_digest(presented.encode(), settings.api_token.encode()):
        raise HTTPException(status_code=401, detail="bad token")


def require_token_legacy(x_api_key: Annotated[str, Header()] = "") -> None:
    # expect: VC204
    if x_api_key != settings.api_token:
        raise HTTPException(status_code=401, detail="bad token")


Authed = Depends(require_token)


class JobRequest(BaseModel):
    image: str
    command: str
    env: dict[str, str] = {}


class ExecRequest(BaseModel):
    cmd: str


@app.post("/jobs", dependencies=[Authed])
def create_job(req: JobRequest) -> dict[str, str]:
    if req.image not in settings.allowed_images:
        raise HTTPException(status_code=400, detail="image not allowed")
    # ok: VC421/VC413
    container = engine.run_job(req.image, ["python", "-c", req.command], req.env)
    return {"id": container.id}


@app.post("/jobs/raw", dependencies=[Authed])
def create_raw_job(req: JobRequest) -> dict[str, str]:
    container = engine.run_job(req.image, req.command, req.env)
    return {"id": container.id}


@app.post("/tools/build", dependencies=[Authed])
def build_tool(req: JobRequest) -> dict[str, str]:
    try:
        output = engine.run_tool(req.image, req.command)
    except ContainerError as exc:
        # expect: VC414, VC105
        raise HTTPException(status_code=500, detail=str(exc))
    return {"output": output.decode(errors="replace")}


@app.post("/jobs/{container_id}/exec", dependencies=[Depends(require_token_legacy)])
def exec_job(container_id: str, req: ExecRequest) -> dict[str, object]:
    code, output = engine.exec_in(container_id, req.cmd)
    return {"exit_code": code, "output": output.decode(errors="replace")}


@app.get("/jobs/{container_id}/files", dependencies=[Authed])
def list_files(container_id: str, path: str = "/work") -> dict[str, str]:
    # ok: VC421
    return {"listing": engine.list_dir(container_id, path).decode(errors="replace")}


# expect: VC201
@app.delete("/jobs/{container_id}")
def delete_job(container_id: str) -> dict[str, bool]:
    engine.stop_quietly(container_id)
    return {"deleted": True}


@app.get("/jobs/{container_id}/logs", dependencies=[Authed])
async def job_logs(container_id: str) -> dict[str, str]:
    try:
        # expect: VC110
        container = engine.client.containers.get(container_id)
    except APIError as exc:
        log.exception("docker error")
        # expect: VC414, VC103
        return {"error": repr(exc)}
    return {"logs": container.logs(tail=200).decode(errors="replace")}


@app.get("/healthz")
def healthz() -> dict[str, str]:
    # ok: VC110
    engine.client.ping()
    return {"status": "ok"}
