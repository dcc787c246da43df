"""VC902 corpus: suppressions without codes fire; suppressions naming their codes do not."""
# expect: VC902
# vibecheck: ignore-file


def bare_noqa():
    # expect: VC902
    return 1  # noqa


def upper_case():
    # expect: VC902
    return 2  # NOQA


def no_space():
    # expect: VC902
    return 3  #noqa


def bare_vibecheck_ignore():
    # expect: VC902
    return 4  # vibecheck: ignore


def vibecheck_ignore_with_reason_only():
    # expect: VC902
    return 5  # vibecheck: ignore -- it is fine


def empty_brackets():
    # expect: VC902
    return 6  # vibecheck: ignore[]


def noqa_without_colon():
    # expect: VC902
    return 7  # noqa E501


def noqa_colon_without_codes():
    # expect: VC902
    return 8  # noqa:


def named_noqa():
    # ok: VC902
    return 9  # noqa: VC101


def other_tool_code():
    # ok: VC902
    return "y" * 200  # noqa: E501


def named_vibecheck_ignore():
    # ok: VC902
    return 10  # vibecheck: ignore[VC101] -- reviewed


def several_codes():
    # ok: VC902
    return 11  # noqa:E501,W291


def in_a_string():
    # ok: VC902
    return "# noqa"


def in_a_docstring():
    # ok: VC902
    """A bare `# noqa` silences everything on its line."""


def prose():
    # ok: VC902
    return 12  # this is not a noqa comment


def named_file_level():
    # ok: VC902
    return 13  # vibecheck: ignore-file[VC101]
