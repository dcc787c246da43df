from .settings import REDIS
from .tasks import (
    cleanup,
    cleanup_missing_ok,
    fetch_feed,
    load_checkpoint,
    load_checkpoint_json,
    resize_image,
    shutdown,
    startup,
    sync_all,
    sync_all_tracked,
    sync_batch,
    sync_batch_checked,
    sync_contact,
    thumbnail,
)


class WorkerSettings:
    functions = [
        fetch_feed,
        sync_contact,
        sync_all,
        sync_all_tracked,
        sync_batch,
        sync_batch_checked,
        resize_image,
        thumbnail,
        cleanup,
        cleanup_missing_ok,
        load_checkpoint,
        load_checkpoint_json,
    ]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = REDIS
    max_tries = 5
