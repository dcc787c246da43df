"""VC505 corpus: an error handler of a web app that opens a post-mortem debugger when its `--pdb` option is on."""
# ok: VC505 -- the debugger the option opens below
import pdb
import traceback


def handle_exception(app, request, exception):
    if app.pdb:
        # ok: VC505 -- under the switch a `--pdb` option sets: the user asked for it
        pdb.post_mortem(exception.__traceback__)
    return traceback.format_exception_only(type(exception), exception)


def handle_timeout(app, exception):
    if app.verbose:
        # expect: VC505 -- a verbosity switch does not ask for a debugger
        pdb.post_mortem(exception.__traceback__)


def handle_retry(app, exception):
    if app.pdb:
        # expect: VC505 -- a breakpoint stops every request, not only the failing one
        pdb.set_trace()
