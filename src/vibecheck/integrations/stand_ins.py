"""Stand-ins for modules that bandit imports for its own command line and that vibecheck never calls.

Importing bandit imports its progress bar (`rich.progress`, with `rich.console`: about 50 ms) and its config file
reader's `yaml` (about 15 ms), used only by bandit's own runner and config files, which vibecheck replaces. In the
worker that checks a hook's file these imports are on the critical path (`vibecheck.preload`). While bandit is
imported, each such module not yet imported is registered as a stand-in: a module with the real one's spec and no
contents, which imports the real module into itself the first time an attribute is read from it, so code that does
use the module later (bandit's runner, a reporter's progress bar) gets the real one.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Any


class StandIn(types.ModuleType):
    """A module whose contents are imported at the first read of an attribute it does not have."""

    def __getattr__(self, attribute: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = importlib.import_module(name)
        vars(self).update(vars(real))
        return getattr(real, attribute)


def stand_in_for(names: Sequence[str]) -> None:
    """Register a stand-in for each module of `names` that is installed and not imported yet (its parent package is
    imported, to find it)."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        stand_in = StandIn(name)
        stand_in.__spec__, stand_in.__loader__, stand_in.__file__ = spec, spec.loader, spec.origin
        stand_in.__package__ = spec.parent
        if spec.submodule_search_locations is not None:
            stand_in.__path__ = list(spec.submodule_search_locations)
        sys.modules[name] = stand_in
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, stand_in)
