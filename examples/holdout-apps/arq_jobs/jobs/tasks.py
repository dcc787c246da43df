import asyncio
import contextlib
import json
import logging
import pickle
import shutil
from pathlib import Path

import httpx
from arq import Retry

from .settings import CRM_API_TOKEN, CRM_BASE_URL, VERIFY_CERTS

log = logging.getLogger("jobs")
WORK_DIR = Path("/tmp/arq-work")
_background: set[asyncio.Task] = set()


def crm_client() -> httpx.AsyncClient:
    # verify=False through a module constant: reported at the setting (settings.py)
    return httpx.AsyncClient(base_url=CRM_BASE_URL, headers={"Authorization": f"Bearer {CRM_API_TOKEN}"},
                             verify=VERIFY_CERTS, timeout=15)


async def fetch_feed(ctx, url: str) -> str:
    client: httpx.AsyncClient = ctx["http"]
    # expect: VC109 -- infinite retry loop that swallows every error
    while True:
        try:
            resp = await client.get(url)
            resp.raise_for_status()
            return resp.text
        # expect: VC102 -- forgotten: broad handler in the retry
        except Exception:
            await asyncio.sleep(5)


async def sync_contact(ctx, contact_id: int) -> dict:
    async with crm_client() as client:
        try:
            resp = await client.get(f"/contacts/{contact_id}")
            resp.raise_for_status()
        # ok: VC101/VC102/VC105 -- narrow exception, converted into an arq retry with cause
        except (httpx.TimeoutException, httpx.ConnectError) as exc:
            log.warning("crm unavailable for %s, retrying", contact_id)
            raise Retry(defer=ctx["job_try"] * 10) from exc
        return resp.json()


async def sync_all(ctx, contact_ids: list[int]) -> None:
    for contact_id in contact_ids:
        # expect: VC113 -- task created and dropped, its exception vanishes
        asyncio.create_task(sync_contact(ctx, contact_id))


async def sync_all_tracked(ctx, contact_ids: list[int]) -> None:
    for contact_id in contact_ids:
        task = asyncio.create_task(sync_contact(ctx, contact_id))
        # ok: VC113 -- task kept and discarded when done
        _background.add(task)
        task.add_done_callback(_background.discard)


async def sync_batch(ctx, contact_ids: list[int]) -> int:
    # expect: VC101/VC113 -- gather with return_exceptions whose exceptions are never looked at
    results = await asyncio.gather(*(sync_contact(ctx, c) for c in contact_ids), return_exceptions=True)
    return len(results)


async def sync_batch_checked(ctx, contact_ids: list[int]) -> int:
    results = await asyncio.gather(*(sync_contact(ctx, c) for c in contact_ids), return_exceptions=True)
    failures = [r for r in results if isinstance(r, Exception)]
    for failure in failures:
        log.error("sync failed", exc_info=failure)
    # ok: VC101/VC113 -- failures inspected
    if failures:
        raise RuntimeError(f"{len(failures)} contacts failed")
    return len(results)


async def resize_image(ctx, src: str, width: int) -> str:
    out = WORK_DIR / f"{Path(src).stem}-{width}.png"
    cmd = f"convert {src} -resize {width} {out}"
    # expect: VC408/VC421 -- job argument in a shell command
    proc = await asyncio.create_subprocess_shell(cmd)
    await proc.wait()
    return str(out)


async def thumbnail(ctx, src: str) -> str:
    out = WORK_DIR / f"{Path(src).stem}-thumb.png"
    # ok: VC408/VC421 -- exec form, checked return code
    proc = await asyncio.create_subprocess_exec("convert", src, "-thumbnail", "128x128", str(out))
    if await proc.wait() != 0:
        raise RuntimeError(f"convert failed for {src}")
    return str(out)


async def cleanup(ctx) -> None:
    # ok: VC101/VC102 -- corrected: a suppress around a clean-up only (rmtree) is VC101's documented exemption
    with contextlib.suppress(Exception):
        shutil.rmtree(WORK_DIR)
    WORK_DIR.mkdir(parents=True, exist_ok=True)


async def cleanup_missing_ok(ctx, name: str) -> None:
    # ok: VC101/VC102 -- narrow suppression of an expected condition
    with contextlib.suppress(FileNotFoundError):
        (WORK_DIR / Path(name).name).unlink()


async def load_checkpoint(ctx, key: str):
    raw = await ctx["redis"].get(f"checkpoint:{key}")
    try:
        # expect: VC406 -- unpickle data read back from redis
        return pickle.loads(raw)
    # expect: VC101/VC102/VC103 -- broad except returning None
    except Exception:
        return None


async def load_checkpoint_json(ctx, key: str):
    raw = await ctx["redis"].get(f"checkpoint-json:{key}")
    if raw is None:
        return None
    # ok: VC406 -- JSON instead of pickle
    return json.loads(raw)


async def startup(ctx) -> None:
    ctx["http"] = httpx.AsyncClient(timeout=10)


async def shutdown(ctx) -> None:
    await ctx["http"].aclose()
