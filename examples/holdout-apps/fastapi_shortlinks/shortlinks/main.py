from typing import Annotated
from urllib.parse import urlparse

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, HttpUrl

from shortlinks import notify
from shortlinks.auth import current_user
from shortlinks.store import LinkStore, get_store

app = FastAPI(title="shortlinks")
Store = Annotated[LinkStore, Depends(get_store)]
User = Annotated[str, Depends(current_user)]
BLOCKED_HOSTS = {"localhost", "127.0.0.1"}


class LinkIn(BaseModel):
    target: HttpUrl
    code: str | None = None


class LinkOut(BaseModel):
    code: str
    target: str
    hits: int


@app.post("/links", status_code=status.HTTP_201_CREATED, response_model=LinkOut)
def create_link(body: LinkIn, store: Store, user: User) -> LinkOut:
    if urlparse(str(body.target)).hostname in BLOCKED_HOSTS:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "target host not allowed")
    try:
        link = store.create(str(body.target), user, body.code)
    except KeyError:
        raise HTTPException(status.HTTP_409_CONFLICT, "code taken") from None
    notify.announce(link.code)
    return LinkOut(code=link.code, target=link.target, hits=link.hits)


@app.get("/links", response_model=list[LinkOut])
def my_links(store: Store, user: User) -> list[LinkOut]:
    return [LinkOut(code=x.code, target=x.target, hits=x.hits) for x in store.for_owner(user)]


@app.get("/{code}")
def follow(code: str, store: Store) -> RedirectResponse:
    link = store.resolve(code)
    if link is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such link")
    return RedirectResponse(link.target, status_code=status.HTTP_307_TEMPORARY_REDIRECT)
