"""An example third-party vibecheck pack: one module per rule, collected into one `RulePack`."""

from __future__ import annotations

import sys

from vibecheck.registry import RulePack, pack_from_package

__version__ = "0.1.0"


def pack() -> RulePack:
    return pack_from_package("acme", sys.modules[__name__], __version__)
