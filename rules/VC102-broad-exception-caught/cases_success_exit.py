"""VC102 corpus: a broad handler that logs a line and exits with status 0 goes on as if nothing failed."""
import logging
import sys

logger = logging.getLogger(__name__)


def close(batch):
    try:
        batch.close()
    # expect: VC102
    except Exception as e:
        logger.error("close failed: %s", e)
        raise SystemExit(0)


def close_logged(batch):
    try:
        batch.close()
    # ok: VC102 -- the traceback is logged and the exit status says it failed
    except Exception:
        logger.exception("close failed")
        sys.exit(2)
