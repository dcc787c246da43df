"""A function a Django module may serve as a view (`def send_file(request, filepath)`): per file, its other parameters
are taken for URL captures, which the client chooses. In the project phase, a URLconf the run checked that names no
such view shows it is a helper that views call with values of their own (django-wiki's `send_file(request,
revision.file.path)`): its parameters are no client's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vibecheck.analysis.app_model.resolve import AppModel, module_of
from vibecheck.analysis.modules import SourceLayout

# The kind of `Rule.report(..., unless=(UNROUTED_VIEW, function))`: cleared where the project's URLconfs route no such view.
UNROUTED_VIEW = "unrouted-django-view"

_MODEL: dict[str, tuple[Any, AppModel]] = {}  # the last project's app model (one per phase)


def unrouted(project: Any, relative: str, function: str) -> bool:
    """Whether the URLconfs of the project (at least one checked) name no view `function` of the module at
    `relative`."""
    cached = _MODEL.get("model")
    if cached is None or cached[0] is not project:
        cached = _MODEL["model"] = (project, AppModel.build(project))
    model = cached[1]
    module = module_of(SourceLayout.detect(Path(project.root)), relative)[0]
    return bool(model.url_views) and not model.routes_view(f"{module}.{function}" if module else function)
