"""Other tools' names for the checks vibecheck runs, so their suppression comments keep working.

A ruff user writes `# noqa: S602` for bandit's `B602` (ruff's flake8-bandit port numbers every check as
bandit does) and `# noqa: BLE001` for a broad `except`; a bandit user writes `# nosec B105`. Each alias
silences the codes it names here, plus the vibecheck rules that supersede those codes (VC403 replaces
B105 on a line, so `# nosec B105` silences VC403 there too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Bandit's check numbers that ruff implements as `S<number>` (flake8-bandit, ruff 0.6+).
RUFF_BANDIT_NUMBERS = (
    101, 102, 103, 104, 105, 106, 107, 108, 110, 112, 113, 201, 202,
    301, 302, 303, 304, 305, 306, 307, 308, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 324,
    401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 415,
    501, 502, 503, 504, 505, 506, 507, 508, 509,
    601, 602, 603, 604, 605, 606, 607, 608, 609, 610, 611, 612,
    701, 702, 704,
)
# ruff code -> the codes it stands for here
RUFF_ALIASES: dict[str, tuple[str, ...]] = {
    **{f"S{number}": (f"B{number}",) for number in RUFF_BANDIT_NUMBERS},
    "BLE001": ("VC101", "VC102"),  # flake8-blind-except: a broad `except`, swallowed or merely kept going
    # ruff's one check of Django's `mark_safe`, which bandit reports twice: its blacklist's B308 and its plugin's B703
    "S308": ("B308", "B703"),
}


def aliased(code: str) -> tuple[str, ...]:
    """The codes another tool's `code` stands for (`S602` -> `B602`), or none."""
    return RUFF_ALIASES.get(code.upper(), ())


def superseded_by(superseding: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """{replaced code: the codes that supersede it} from {code: the codes it supersedes}."""
    result: dict[str, list[str]] = {}
    for code, replaced in superseding.items():
        for target in replaced:
            result.setdefault(target, []).append(code)
    return {target: tuple(sorted(codes)) for target, codes in result.items()}
