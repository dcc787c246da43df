"""The namespaces each URLconf module's views are surely under, from the facts `url_namespaces.py` collects.

Read in the project phase, which a hook runs in its own process without libcst: this module imports none of the walk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# Nested includes: how many URLconf modules up the resolver follows an include.
MAX_NAMESPACE_DEPTH = 8


class NamespaceIndex:
    """The namespaces each URLconf module's views are surely under: for every include reaching the module, the
    include's namespace (else the module's `app_name`) and what the including module is under."""

    def __init__(self, app_names: dict[str, str], includes: Iterable[tuple[str, str, str | None]],
                 matches: Callable[[str, str], bool]) -> None:
        self._app_names = app_names
        self._includes = list(includes)  # (including module, included module, namespace)
        self._matches = matches
        self._memo: dict[str, frozenset[str]] = {}

    def under(self, module: str, depth: int = 0) -> frozenset[str]:
        """Empty when some way in gives no namespace, or no checked URLconf includes the module (a root URLconf)."""
        if module in self._memo:
            return self._memo[module]
        reaching = [(parent, namespace) for parent, included, namespace in self._includes
                    if self._matches(included, module)]
        found: frozenset[str] | None = None
        for parent, namespace in reaching:
            given = namespace or self._app_name(module)
            outer = self.under(parent, depth + 1) if depth < MAX_NAMESPACE_DEPTH and parent != module else frozenset()
            way = outer | ({given} if given else set())
            found = way if found is None else found & way
        self._memo[module] = result = found or frozenset()
        return result

    def _app_name(self, module: str) -> str | None:
        return next((name for m, name in self._app_names.items() if self._matches(m, module)), None)
