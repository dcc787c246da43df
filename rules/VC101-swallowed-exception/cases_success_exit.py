"""VC101 corpus: a broad handler that only ends the program with status 0 swallows the failure."""
import sys

import typer


def close(batch):
    try:
        batch.close()
    # expect: VC101
    except Exception:
        raise SystemExit(0)


def close_bare(batch):
    try:
        batch.close()
    # expect: VC101 -- `raise SystemExit` without a code exits with status 0
    except BaseException:
        raise SystemExit


def close_typer(batch):
    try:
        batch.close()
    # expect: VC101 -- typer.Exit's default code is 0
    except Exception:
        raise typer.Exit()


def close_failing(batch):
    try:
        batch.close()
    # ok: VC101
    except Exception:
        raise typer.Exit(code=1)


def close_status(batch, status):
    try:
        batch.close()
    # ok: VC101 -- a status chosen elsewhere
    except Exception:
        sys.exit(status)


def pipe_closed(lines):
    try:
        for line in lines:
            sys.stdout.write(line)
    # ok: VC101 -- narrow: the reader went away
    except BrokenPipeError:
        sys.exit(0)
