"""Rule-specific behaviour of the error-handling pack beyond the generic corpus and docs tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from vibecheck.engine import check_file
from vibecheck.registry import load_registry
from vibecheck.rules.error_handling.broad_exception_caught import BroadExceptionCaught
from vibecheck.rules.error_handling.http_call_without_timeout import HttpCallWithoutTimeout
from vibecheck.rules.error_handling.http_status_unchecked import HttpStatusUnchecked
from vibecheck.testing import findings_for

BROAD_IN_RUN = """
import logging
logger = logging.getLogger(__name__)

def run():
    try:
        work()
    except Exception as exc:
        logger.error("fatal: %s", exc)
"""


def test_vc102_boundary_functions_are_configurable() -> None:
    assert len(findings_for(BroadExceptionCaught, BROAD_IN_RUN)) == 1
    options = BroadExceptionCaught.parse_options({"boundary-functions": ["main", "run"]})
    assert findings_for(BroadExceptionCaught, BROAD_IN_RUN, options=options) == []


HANDLER_RULES = ("VC101", "VC102", "VC103", "VC104")


def test_handler_rules_partition_their_corpora() -> None:
    """One handler, one finding: VC101-VC104 never report the same `except` block twice."""
    registry = load_registry()
    rules = [(registry.lookup(code), None) for code in HANDLER_RULES]
    for folder in sorted(Path(__file__).resolve().parents[2].joinpath("rules").glob("VC10[1-4]-*")):
        result = check_file(str(folder / "cases.py"), (folder / "cases.py").read_bytes(), rules)
        handlers = Counter(_handler_line(folder / "cases.py", f.location.start.line) for f in result.findings)
        assert result.findings and max(handlers.values()) == 1, (folder.name, handlers)


def _handler_line(path: Path, line: int) -> int:
    """The `except` line a finding belongs to (VC103 reports the `return` inside the handler)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    while line > 1 and not lines[line - 1].lstrip().startswith(("except", "with")):
        line -= 1
    return line


TEST_READS_BODY = """
import requests

def test_api():
    r = requests.get("http://localhost/x", timeout=5)
    assert r.json() == {}
"""


def test_vc107_skips_test_files() -> None:
    source = TEST_READS_BODY
    assert len(findings_for(HttpStatusUnchecked, source)) == 1
    assert findings_for(HttpStatusUnchecked, source, is_test_file=True) == []


def test_http_call_without_timeout_skips_test_files() -> None:
    source = "import requests\n\ndef test_ping(live_server):\n    assert requests.get(live_server.url).ok\n"
    assert len(findings_for(HttpCallWithoutTimeout, source, is_test_file=False)) == 1
    assert findings_for(HttpCallWithoutTimeout, source, is_test_file=True) == []
