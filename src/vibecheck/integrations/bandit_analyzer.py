"""Bandit behind vibecheck's analyzer interface (`vibecheck.analyzers`), without importing bandit until it is needed.

Loading bandit's plugins takes about 0.25 s: a run whose every file hits the cache needs neither bandit's checks
nor its code table (`vibecheck.manifest` saves the table), so `vibecheck.integrations.bandit`, which imports
bandit, is imported only to check a file, to list the codes, or to validate a bandit options table.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Collection, Iterable
from importlib.metadata import PackageNotFoundError, entry_points, version
from typing import TYPE_CHECKING, Any

from vibecheck.analyzers import ExternalCode
from vibecheck.model import Confidence, EngineError, Finding

if TYPE_CHECKING:
    from vibecheck.source import SourceUnit

if importlib.util.find_spec("bandit") is None:  # `vibecheck.analyzers` skips an analyzer whose tool is missing
    raise ModuleNotFoundError("No module named 'bandit'", name="bandit")

SOURCE = "bandit"
# Entry-point groups through which other distributions add checks to bandit (and so codes to its table).
PLUGIN_GROUPS = ("bandit.plugins", "bandit.blacklists")


class BanditAnalyzer:
    """Bandit's checks and codes, from `vibecheck.integrations.bandit`, imported on first use."""

    name = SOURCE
    prefix = "B"

    def codes(self) -> Iterable[ExternalCode]:
        from vibecheck.integrations import bandit

        return bandit.external_codes()

    def load(self) -> None:
        from vibecheck.integrations import bandit

        bandit.bandit_rules()

    def fingerprint(self) -> str:
        """Bandit's version and the checks its plugins add: what its code table is read from."""
        try:
            installed = version("bandit")
        except PackageNotFoundError:
            installed = ""
        points = entry_points()  # one scan of the distributions for both groups
        plugins = sorted((group, point.name, point.value) for group in PLUGIN_GROUPS for point in points.select(group=group))
        return json.dumps([installed, plugins])

    def is_enabled(self, settings: Any) -> bool:
        return not getattr(settings, "no_bandit", False)

    def check(self, unit: SourceUnit, enabled: Collection[str], settings: Any) -> tuple[list[Finding], list[EngineError]]:
        from vibecheck.integrations import bandit

        return bandit.check_unit(unit, enabled, settings)

    def blocks_build(self, finding: Finding, settings: Any) -> bool:
        """False for a low-confidence bandit finding unless `low-confidence-fails` is set: it is reported, not fatal."""
        return not (finding.source == SOURCE and finding.confidence is Confidence.LOW
                    and not low_confidence_fails(getattr(settings, "bandit", None) or {}))


def low_confidence_fails(table: dict[str, Any]) -> bool:
    """`low-confidence-fails` of a `[tool.vibecheck.bandit]` table (validated with the settings), default false."""
    values = [value for key, value in table.items() if key.replace("-", "_") == "low_confidence_fails"]
    return bool(values[-1]) if values else False


ANALYZER = BanditAnalyzer()
