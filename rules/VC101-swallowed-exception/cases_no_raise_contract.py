"""VC101 corpus: a function whose name or docstring promises not to raise keeps that promise in its handlers."""

import asyncio


async def _delete_quietly(client, file_id):
    """Best-effort file delete for run()'s cleanup: a failed delete must never mask the real result."""
    try:
        await client.delete(file_id)
    # ok: VC101 -- the docstring says a failed delete is let go (mistralai 3.8.0's batch client)
    except Exception:
        pass


def video_usage(path):
    """Count the pixels and frames of a video.

    If probing fails (ffmpeg missing, not a video), this function returns (None, None, None) instead of raising.
    """
    try:
        meta = probe(path)
    # ok: VC101 -- the docstring makes the empty answer the contract (voyageai 0.5.0's video_utils)
    except Exception:
        return None, None, None
    return meta["width"] * meta["height"], meta["frames"], None


def video_size(path):
    """Count the pixels of a video."""
    try:
        meta = probe(path)
    # expect: VC101 -- nothing promises callers an empty answer
    except Exception:
        return None
    return meta["width"] * meta["height"]


def save_later(record):
    """Save the record; a best-effort retry happens elsewhere."""
    try:
        record.save()
    # expect: VC101 -- "best-effort" must open the docstring to describe this function
    except Exception:
        pass


async def _drain_quietly(queue):
    """Best-effort drain of the queue."""
    while True:
        try:
            await queue.get()
        # expect: VC101 -- a best-effort drain still swallows its own task's cancellation
        except asyncio.CancelledError:
            pass


def probe(path):
    return {"width": 1, "height": 1, "frames": 1, "path": path}
