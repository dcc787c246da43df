"""VC104 corpus: a handler that prints the error and then exits with status 0 reports success to whatever ran it."""
import sys


def sync(run):
    try:
        run()
    # expect: VC104 -- cron reads exit status 0
    except Exception as exc:
        print(f"sync failed: {exc}")
        sys.exit(0)


def sync_bare_exit(run):
    try:
        run()
    # expect: VC104 -- sys.exit() is status 0 too
    except Exception as exc:
        print(f"sync failed: {exc}")
        sys.exit()


def sync_failing(run):
    try:
        run()
    # ok: VC104 -- a failing exit status
    except Exception as exc:
        print(f"sync failed: {exc}")
        sys.exit(1)


def sync_message(run):
    try:
        run()
    # ok: VC104 -- sys.exit with a message exits with status 1
    except Exception as exc:
        sys.exit(f"sync failed: {exc}")


def interrupted(run):
    try:
        run()
    # ok: VC104 -- Ctrl-C is no failure of the program
    except KeyboardInterrupt:
        print("stopped")
        sys.exit(0)
