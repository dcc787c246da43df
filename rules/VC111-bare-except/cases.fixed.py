"""VC111 corpus: `except:` without a type fires; typed handlers and bare ones that re-raise do not."""
import logging
import sys

logger = logging.getLogger(__name__)


def swallow_everything():
    try:
        work()
    # expect: VC111
    except Exception:
        pass


def worker_loop(queue):
    while True:
        try:
            handle(queue.get())
        # expect: VC111
        except Exception:
            logger.error("job failed")
            continue


def one_line_handler():
    try:
        work()
    # expect: VC111
    except Exception: return None


def with_else_and_finally():
    try:
        value = work()
    # expect: VC111
    except Exception:  # keep going whatever happens
        value = None
    else:
        logger.info("ok")
    finally:
        cleanup()
    return value


def second_handler_after_a_typed_one():
    try:
        work()
    except ValueError:
        logger.warning("bad value")
    # expect: VC111
    except Exception:
        logger.warning("something else")


async def fetch(client):
    try:
        return await client.get("/status")
    # expect: VC111
    except Exception:
        return None


def stream(lines):
    for line in lines:
        try:
            yield parse(line)
        # expect: VC111
        except Exception:
            yield None


class Importer:
    def run(self):
        try:
            self.load()
        # expect: VC111
        except Exception:
            self.failed = True


def raises_a_new_error():
    try:
        work()
    # expect: VC111
    except Exception:
        raise RuntimeError("failed")


def nested_bare_handlers():
    try:
        work()
    # expect: VC111
    except Exception:
        try:
            fallback()
        # expect: VC111
        except Exception:
            pass


def exits_on_failure():
    try:
        work()
    # expect: VC111
    except Exception:
        sys.exit(1)


def typed_handler():
    try:
        work()
    # ok: VC111
    except Exception:
        pass


def base_exception_said_out_loud():
    try:
        work()
    # ok: VC111
    except BaseException:
        logger.exception("stopping")


def tuple_of_errors():
    try:
        work()
    # ok: VC111
    except (ValueError, KeyError):
        pass


def named_handler():
    try:
        work()
    # ok: VC111
    except Exception as exc:
        logger.error("failed: %s", exc)


def cleanup_then_reraise(conn):
    try:
        conn.write()
    # ok: VC111 -- cleans up and lets everything through, Ctrl-C included
    except:
        conn.rollback()
        raise


def conditional_reraise(conn):
    try:
        conn.write()
    # ok: VC111 -- re-raises what it does not handle
    except:
        if not conn.closed:
            raise
        logger.warning("connection closed")


def interrupt_handled_on_purpose():
    try:
        work()
    # ok: VC111
    except KeyboardInterrupt:
        logger.info("stopped by the user")


def exception_group(tasks):
    try:
        run_all(tasks)
    # ok: VC111
    except* ValueError:
        pass


def docstring_mentions_it():
    """Never write `except:` here."""
    # ok: VC111
    return "except:"
