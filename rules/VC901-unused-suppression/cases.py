"""VC901 corpus: suppressions that silence nothing fire; suppressions in use and other tools' codes do not."""
import logging

logger = logging.getLogger(__name__)


def total(prices):
    # expect: VC901
    return sum(prices)  # noqa: VC101


def with_reason():
    # expect: VC901
    x = 1  # vibecheck: ignore[VC101] -- kept for the old importer
    return x


def by_name():
    # expect: VC901
    y = 2  # vibecheck: ignore[swallowed-exception]
    return y


def mixed_with_other_tools():
    # expect: VC901
    z = 3  # noqa: VC101, E501
    return z


def unknown_code():
    # expect: VC901
    return 4  # noqa: VC999


def blanket_on_clean_line():
    # expect: VC901
    w = 5  # noqa
    return w


def narrow_handler():
    try:
        work()
    # expect: VC901
    except ValueError:  # noqa: VC101
        logger.warning("bad value")


def no_spaces():
    # expect: VC901
    return 6  #noqa:VC101


def lower_case_code():
    # expect: VC901
    return 7  # NOQA: vc101


def used_noqa():
    try:
        work()
    # ok: VC901
    except Exception:  # noqa: VC101
        pass


def used_with_reason():
    try:
        work()
    # ok: VC901
    except Exception:  # vibecheck: ignore[VC101] -- best-effort cache warm-up
        pass


def used_by_name():
    try:
        work()
    # ok: VC901
    except:  # vibecheck: ignore[swallowed-exception] -- shutdown hook must not raise
        pass


def other_tool_only():
    # ok: VC901
    return "x" * 200  # noqa: E501


def not_a_comment():
    # ok: VC901
    text = "# noqa: VC101"
    return text


def docstring_mentions_noqa():
    # ok: VC901
    """Write `# noqa: VC101` only where the finding is real."""


def type_ignore_and_noqa():
    # ok: VC901
    return len(None)  # type: ignore  # noqa: E501


def prose_comment():
    # ok: VC901
    return 8  # we do not use noqa comments here


def used_blanket():
    try:
        work()
    # ok: VC901
    except Exception:  # noqa
        pass
