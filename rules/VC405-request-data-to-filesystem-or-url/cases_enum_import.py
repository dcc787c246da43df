"""VC405 corpus: an enum class imported from another module of the package is as fixed as the module's own."""
import os
from typing import Optional

from fastapi import FastAPI, Query
from fastapi.responses import FileResponse

from . import cases_enums
from .cases_enums import Theme as UiTheme
from .cases_enums import app as other_app

app = FastAPI()


@app.get("/logo")
async def logo(theme: Optional[UiTheme] = Query(None)):
    # ok: VC405 -- `UiTheme` is `cases_enums.Theme`, an enum
    return FileResponse(os.path.join("static", f"logo_{theme.value if theme else 'light'}.svg"))


@app.get("/icon")
async def icon(theme: cases_enums.Theme):
    # ok: VC405 -- the enum through its module
    return FileResponse(os.path.join("static", f"icon_{theme.value}.svg"))


@app.get("/asset")
async def asset(kind: cases_enums.FastAPI):
    # expect: VC405 -- a name the module imports that is no enum of it
    return FileResponse(os.path.join("static", f"{kind}.bin"))


@other_app.get("/page")
async def page(name: Optional[str] = None):
    # expect: VC405 -- text from the query
    return FileResponse(os.path.join("pages", name or "index.html"))
