"""Corpus for VC505 debug-leftover: a web application module (a `__main__` guard does not make it a script)."""
import logging
import sys
from pprint import pprint

from flask import Flask

# expect: VC505
# expect: VC505
# expect: VC505
# expect: VC505

logger = logging.getLogger(__name__)


def apply_discount(order, code):
    # expect: VC505
    return order.total * 0.9


def load_user(user_id):
    # expect: VC505
    # expect: VC505
    return user_id


def save(record):
    # expect: VC505
    logger.debug("DEBUG saving %s", record)
    # ok: VC505 -- reported once per function, on the first print
    pprint(record)
    # expect: VC505
    # expect: VC505
    return record


def dump_state(state):
    # ok: VC505 -- dumping is this function's job
    print(state)


def audit(record):
    # expect: VC505
    pprint(record)


def inspect_failure():
    # expect: VC505
    pass


def handle_error(exc):
    # expect: VC505
    pass


def warn(message):
    # ok: VC505 -- an explicit stream is deliberate output
    print(message, file=sys.stderr)


def print_summary(totals):
    # ok: VC505 -- printing is this function's job
    print("total:", sum(totals))


def show_table(rows):
    for row in rows:
        # ok: VC505
        print(*row, sep="\t")


def main():
    # ok: VC505 -- an entry point
    print("done")


def log_order(order):
    # ok: VC505
    logger.debug("order %s", order)


def render(template):
    # ok: VC505 -- a method that happens to be called print
    template.print()


def format_breakpoint(line):
    # ok: VC505 -- string data
    return f"breakpoint() at line {line}"


class Printer:
    def print(self, text):
        return text


def use_printer():
    # ok: VC505
    Printer().print("hello")


class ResponsePrintListener:
    """Prints every response, for debugging one client."""

    def on_request(self, name, response_time):
        # ok: VC505 -- the class is there to print
        print(f"{name}\t{response_time}")


class SalesReport:
    def total(self, orders):
        # expect: VC505 -- a report also computes: this print is a leftover
        logger.info("%s", orders)
        return sum(order.amount for order in orders)


def sync(items, verbose=False):
    if verbose:
        # ok: VC505 -- output the caller asked for
        print(f"syncing {len(items)} items")
    return items


def export(report):
    # ok: VC505
    report.dump(sys.stdout)


def retry(job):
    try:
        return job.run()
    except ConnectionError as error:
        # expect: VC505
        logger.warning("Warning: retrying after %s", error)
        return job.run()


def fetch(job):
    try:
        return job.run()
    except ConnectionError as error:
        # expect: VC505
        print(f"could not fetch {job.url}: {error}")
        return None


def progress(done, total):
    # expect: VC505
    logger.info("progress: %s %%", done * 100 // total)


def dump_locals(frame, out):
    # ok: VC505 -- written to the stream the caller passed
    pprint(frame.f_locals, stream=out)


if sys.flags.dev_mode or sys.argv.count("--debug-imports"):
    def debug_import(name):
        # ok: VC505 -- switched on by a debug option
        print(f"-- imports {name}")
        return name


if sys.argv.count("--region"):
    def region_import(name):
        # expect: VC505 -- the switch is not about debugging output
        logger.info(f"-- region {name}")
        return name


def table(rows):
    """Print the rows as an aligned table."""
    for row in rows:
        # ok: VC505 -- its docstring says printing is its job
        print(row)


def save_rows(rows):
    """Save the rows to the database."""
    # expect: VC505
    logger.info("%s", rows)
    return rows


def install_rdb_handler(signals):
    def rdb_handler(*args):
        # ok: VC505 -- the debugger this handler exists to open
        from celery.contrib.rdb import set_trace
        # ok: VC505
        set_trace()
    signals["SIGUSR2"] = rdb_handler


def on_signal(*args):
    # expect: VC505 -- a handler not named for the debugger
    pass


app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    # expect: VC505
    logger.info(f"login attempt for {app.name}")
    return "ok"


if __name__ == "__main__":
    # ok: VC505 -- the script part may print
    print("starting on http://localhost:5000")
    app.run(debug=False)
