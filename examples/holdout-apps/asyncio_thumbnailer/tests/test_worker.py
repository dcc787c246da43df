import json
from unittest.mock import AsyncMock, patch

import pytest

from thumbs import worker as worker_module
from thumbs.images import UnsupportedImage


@pytest.mark.asyncio
async def test_fetch_job(worker):
    job = await worker.fetch_job()
    # ok: VC310
    assert job == {"id": "j1", "url": "https://img.example.com/a.png"}


@pytest.mark.asyncio
async def test_fetch_job_timeout(worker, fake_redis):
    fake_redis.blpop.return_value = None
    # ok: VC310
    assert await worker.fetch_job() is None


@pytest.mark.asyncio
# expect: VC303
async def test_process_job(worker, png_bytes):
    worker.download = AsyncMock(return_value=png_bytes)
    with patch("thumbs.worker.strip_metadata"), patch.object(worker, "report", AsyncMock()):
        await worker.process({"id": "j1", "url": "https://img.example.com/a.png"})


@pytest.mark.asyncio
async def test_process_writes_sizes(worker, png_bytes, tmp_path):
    worker.download = AsyncMock(return_value=png_bytes)
    with patch("thumbs.worker.strip_metadata"), patch.object(worker, "report", AsyncMock()):
        paths = await worker.process({"id": "j1", "url": "https://img.example.com/a.png"})
    # ok: VC310, VC304
    assert sorted(p.name for p in paths) == ["j1_128x128.webp", "j1_512x512.webp"]
    assert worker.processed == 1


@pytest.mark.asyncio
async def test_process_returns_paths(worker, png_bytes):
    worker.download = AsyncMock(return_value=png_bytes)
    with patch("thumbs.worker.strip_metadata"), patch.object(worker, "report", AsyncMock()):
        paths = await worker.process({"id": "j2", "url": "https://img.example.com/b.png"})
    # expect: VC310
    assert paths


@pytest.mark.asyncio
# expect: VC308
async def test_bad_image_goes_to_dead_letter(worker, fake_redis):
    worker.process = AsyncMock(side_effect=UnsupportedImage("not an image"))
    await worker.handle({"id": "j3", "url": "https://img.example.com/c.txt"})
    fake_redis.rpush.assert_awaited()


@pytest.mark.asyncio
async def test_crash_goes_to_dead_letter(worker, fake_redis):
    job = {"id": "j4", "url": "https://img.example.com/d.png"}
    worker.process = AsyncMock(side_effect=RuntimeError("disk full"))
    await worker.handle(job)
    # ok: VC308
    fake_redis.rpush.assert_awaited_once_with("thumbs:dead", json.dumps(job))
    assert worker.failed == [job]


@pytest.mark.asyncio
async def test_failed_jobs_recorded(worker):
    worker.process = AsyncMock(return_value=[])
    await worker.handle({"id": "j5", "url": "https://img.example.com/e.png"})
    # expect: VC311
    for job in worker.failed:
        assert job["id"] == "j5"


@pytest.mark.asyncio
async def test_download_error(worker):
    worker.session.get.side_effect = OSError("dns")
    # expect: VC305
    with pytest.raises(Exception):
        await worker.download("https://img.example.com/x.png")


@pytest.mark.asyncio
async def test_download_error_type(worker):
    worker.session.get.side_effect = OSError("dns")
    # ok: VC305
    with pytest.raises(OSError, match="dns"):
        await worker.download("https://img.example.com/x.png")


@pytest.mark.asyncio
# expect: VC303
async def test_report_swallow(worker):
    try:
        await worker.report("j1", "done")
    # expect: VC305
    except Exception:
        pass


@pytest.mark.asyncio
async def test_connect_redis_retries(monkeypatch):
    client = AsyncMock()
    monkeypatch.setattr(worker_module.aioredis, "from_url", lambda url: client)
    result = await worker_module.connect_redis_bounded("redis://x")
    # ok: VC304
    assert result is client


@pytest.mark.asyncio
async def test_stop_flag(worker):
    worker.stop()
    # expect: VC304
    assert worker._stopping == worker._stopping


# expect: VC306
@pytest.mark.skip(reason="")
@pytest.mark.asyncio
async def test_run_loop(worker):
    worker.stop()
    await worker.run()
    assert worker.processed == 0


# ok: VC306
@pytest.mark.skipif(not worker_module.settings.OUTPUT_DIR, reason="needs THUMBS_OUTPUT")
def test_output_dir_configured():
    assert worker_module.settings.OUTPUT_DIR.startswith("/")
