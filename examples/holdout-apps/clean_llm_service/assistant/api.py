"""HTTP API. Callers present an API key; it is looked up by its hash and names the customer."""

import hashlib
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import asyncpg
from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi.security import APIKeyHeader
from openai import AsyncOpenAI

from . import llm, redaction
from .render import answer_html
from .routing import stream_answer
from .config import Settings, get_settings
from .schemas import AskRequest, AskResponse, Triage

logger = logging.getLogger(__name__)
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    redaction.install(logging.getLogger())
    app.state.pool = await asyncpg.create_pool(
        settings.database_dsn.get_secret_value(), min_size=1, max_size=10, command_timeout=10
    )
    app.state.llm = llm.make_client(settings)
    try:
        yield
    finally:
        await app.state.pool.close()
        await app.state.llm.close()


app = FastAPI(title="Support assistant", lifespan=lifespan)


async def get_conn(request: Request) -> AsyncIterator[asyncpg.Connection]:
    async with request.app.state.pool.acquire(timeout=5) as conn:
        yield conn


def get_llm(request: Request) -> AsyncOpenAI:
    return request.app.state.llm


Conn = Annotated[asyncpg.Connection, Depends(get_conn)]


async def current_customer(conn: Conn, api_key: Annotated[str | None, Depends(api_key_header)]) -> int:
    if not api_key:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Missing API key")
    # ok: VC205 -- API keys are 256-bit random tokens; a fast hash is the usual lookup key for them
    key_hash = hashlib.sha256(api_key.encode()).hexdigest()
    # ok: VC204/VC402
    customer_id = await conn.fetchval(
        "SELECT customer_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL", key_hash, timeout=5
    )
    if customer_id is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid API key")
    return int(customer_id)


Customer = Annotated[int, Depends(current_customer)]


@app.post("/ask", response_model=AskResponse)
async def ask(
    body: AskRequest,
    customer_id: Customer,
    conn: Conn,
    client: Annotated[AsyncOpenAI, Depends(get_llm)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> AskResponse:
    try:
        text, used = await llm.answer(client, settings, conn, customer_id, body.question)
    except llm.AssistantError as exc:
        # ok: VC414 -- our own message, not the provider's
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc
    return AskResponse(answer=text, tools_used=used)


@app.post("/triage", response_model=Triage)
async def triage(
    body: AskRequest,
    customer_id: Customer,
    client: Annotated[AsyncOpenAI, Depends(get_llm)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Triage:
    try:
        result = await llm.triage(client, settings, body.question)
    except llm.AssistantError as exc:
        # ok: VC414
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc
    path = llm.export_triage(settings, result)
    logger.info("triage for customer %s exported to %s", customer_id, path.name)
    return result


@app.post("/ask.html", response_class=HTMLResponse)
async def ask_html(
    body: AskRequest,
    customer_id: Customer,
    conn: Conn,
    client: Annotated[AsyncOpenAI, Depends(get_llm)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> HTMLResponse:
    try:
        text, _ = await llm.answer(client, settings, conn, customer_id, body.question)
    except llm.AssistantError:
        logger.warning("answer failed", exc_info=True)
        return HTMLResponse("<p>The assistant is unavailable.</p>", status_code=503)
    # ok: VC401/VC411/VC417/VC427
    return HTMLResponse(answer_html(text))


@app.post("/ask/stream")
async def ask_stream(
    body: AskRequest,
    customer_id: Customer,
    client: Annotated[AsyncOpenAI, Depends(get_llm)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> StreamingResponse:
    async def events():
        async for delta in stream_answer(client, settings, body.question):
            # ok: VC401/VC411/VC417
            yield f"data: {json.dumps({'delta': delta})}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")
