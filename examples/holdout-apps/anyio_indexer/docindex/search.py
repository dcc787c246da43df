"""Thin async client for the Meilisearch-style search backend."""

import logging
from contextlib import suppress

import anyio
import httpx

from .errors import IndexingError
from .settings import INDEX, SEARCH_KEY, SEARCH_URL

logger = logging.getLogger(__name__)


def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=SEARCH_URL, headers={"Authorization": f"Bearer {SEARCH_KEY}"}, timeout=20)


async def wait_until_healthy(http: httpx.AsyncClient) -> None:
    # expect: VC109 -- polls for ever if the backend never comes up
    while True:
        try:
            resp = await http.get("/health")
            if resp.status_code == 200:
                return
        except httpx.TransportError:
            pass
        await anyio.sleep(1)


async def wait_until_healthy_bounded(http: httpx.AsyncClient, attempts: int = 30) -> None:
    # ok: VC109 -- bounded
    for _ in range(attempts):
        try:
            resp = await http.get("/health")
            if resp.status_code == 200:
                return
        except httpx.TransportError as exc:
            logger.debug("search not up yet: %s", exc)
        await anyio.sleep(1)
    raise IndexingError("search backend did not become healthy")


async def add_documents(http: httpx.AsyncClient, docs: list[dict]) -> str:
    try:
        resp = await http.post(f"/indexes/{INDEX}/documents", json=docs)
        resp.raise_for_status()
    except httpx.HTTPStatusError as e:
        # expect: VC105 -- the HTTP error and its response are lost
        raise IndexingError(e.response.text)
    return resp.json()["taskUid"]


async def add_documents_chained(http: httpx.AsyncClient, docs: list[dict]) -> str:
    try:
        resp = await http.post(f"/indexes/{INDEX}/documents", json=docs)
        resp.raise_for_status()
    except httpx.HTTPStatusError as e:
        # ok: VC105
        raise IndexingError(e.response.text) from e
    return resp.json()["taskUid"]


async def task_status(http: httpx.AsyncClient, task_uid: str) -> str:
    resp = await http.get(f"/tasks/{task_uid}")
    # expect: VC107 -- a 404 body has no status: KeyError far from the cause, or a wrong answer
    return resp.json().get("status", "unknown")


async def reset_index(http: httpx.AsyncClient) -> None:
    # expect: VC101 -- a failed delete is silenced, and the reindex then duplicates every document
    with suppress(Exception):
        resp = await http.delete(f"/indexes/{INDEX}/documents")
        resp.raise_for_status()
    resp = await http.post("/indexes", json={"uid": INDEX, "primaryKey": "id"})
    resp.raise_for_status()
