"""The built-in `VC` rule pack: one module per rule, grouped in one sub-package per category.

It registers itself through the `vibecheck.rules` entry point, exactly as a third-party pack does.
"""

from __future__ import annotations

import sys

from vibecheck import __version__
from vibecheck.registry import RulePack, pack_from_package


def builtin_pack() -> RulePack:
    return pack_from_package("vc", sys.modules[__name__], __version__)
