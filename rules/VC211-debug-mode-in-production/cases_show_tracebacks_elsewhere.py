"""VC211 corpus: a `request.show_tracebacks` key in a module that imports no CherryPy is some other tool's setting."""
import logging

REPORTER = {
    # ok: VC211 -- a log reporter's option, no CherryPy here
    "request.show_tracebacks": True,
    "level": logging.INFO,
}
