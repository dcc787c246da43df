"""VC405 corpus: a parameter typed with an `Enum` subclass of the module holds one of its members, no path."""
import enum
import os
from enum import Enum
from typing import Annotated, Optional

from fastapi import FastAPI, Query
from fastapi.responses import FileResponse

app = FastAPI()


class Theme(str, Enum):
    light = "light"
    dark = "dark"


class Palette(Theme):
    pass


class Size(enum.IntEnum):
    small = 1
    large = 2


@app.get("/logo")
async def logo(theme: Optional[Theme] = Query(Theme.light)):
    value = theme.value if theme else Theme.light.value
    # ok: VC405 -- FastAPI accepts only `light` or `dark`
    return FileResponse(os.path.join("static", f"logo_{value}.svg"))


@app.get("/icon")
async def icon(palette: Annotated[Palette | None, Query()] = None, size: Size = Size.small):
    # ok: VC405 -- members of enums, one through a subclass of the module's enum
    return FileResponse(os.path.join("static", f"{palette}_{size}.png"))


@app.get("/banner")
async def banner(theme: Theme | str = "light"):
    # expect: VC405 -- a plain text is accepted too
    return FileResponse(os.path.join("static", f"banner_{theme}.svg"))


@app.get("/font")
async def font(name: str, theme: Theme):
    # expect: VC405 -- the font's name is text, whatever the theme
    return FileResponse(os.path.join("static", theme.value, name))
