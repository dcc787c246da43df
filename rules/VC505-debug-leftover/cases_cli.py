"""VC505 corpus for a command-line module: its output is its job, but a line labelled as debugging output is not."""
import logging
import sys

import click

log = logging.getLogger(__name__)


@click.group()
@click.option("-v", "--verbose", is_flag=True)
@click.pass_context
def main(ctx, verbose):
    ctx.obj = {"verbose": verbose}
    # expect: VC505
    print("DEBUG config:", ctx.obj)
    if verbose:
        # ok: VC505 -- under a verbosity switch: the user asked for it
        print("DEBUG verbose mode on")


@main.command()
@click.argument("rows", nargs=-1)
def sync(rows):
    for row in rows:
        # expect: VC505
        print(f"[debug] row={row}")
        # ok: VC505 -- the command's output
        print(f"synced {row}")
    # ok: VC505 -- the command's output, whatever its first word says about debugging
    print("Debugging tips: run with --verbose")
    # expect: VC505
    print("debug:", len(rows))


@main.command()
def doctor():
    # ok: VC505 -- written where the caller said
    print("DEBUG environment", dict(sys.modules).keys(), file=sys.stderr)
    # ok: VC505 -- the command's own report
    print("all checks passed")


def print_debug_info(state):
    # ok: VC505 -- a function whose job is to print debugging information
    print("DEBUG state", state)


def render_rows(rows):
    # ok: VC505
    log.debug("DEBUG rows %s", rows)
    # ok: VC505 -- the text of a table, not a debugging label
    return "\n".join(f"debugger attached: {row}" for row in rows)


def serve(port):
    # expect: VC505
    print(f"DEBUG serving on {port}")


if __name__ == "__main__":
    # ok: VC505 -- a usage line under the main guard
    print("usage: tool [sync|doctor]")
    main()
