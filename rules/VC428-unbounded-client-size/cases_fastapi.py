"""VC428 corpus (FastAPI): query parameters and body fields without a maximum fire; `le=` on them does not."""
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel, Field, conint, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import get_db
from .models import Item

app = FastAPI()


class Listing(BaseModel):
    limit: int = 20
    capped: int = Field(20, le=100)
    checked: int = 20

    @field_validator("checked")
    @classmethod
    def cap(cls, value: int) -> int:
        return min(value, 100)


@app.get("/items")
def list_items(limit: int = 100, db: Session = Depends(get_db)):
    # expect: VC428
    return db.scalars(select(Item).limit(limit)).all()


@app.get("/items/capped")
def list_items_capped(limit: int = Query(20, ge=1, le=100), db: Session = Depends(get_db)):
    # ok: VC428
    return db.scalars(select(Item).limit(limit)).all()


@app.get("/items/annotated")
def list_items_annotated(limit: Annotated[int, Query(le=100)] = 20, db: Session = Depends(get_db)):
    # ok: VC428
    return db.scalars(select(Item).limit(limit)).all()


@app.get("/items/conint")
def list_items_conint(limit: conint(ge=1, le=100) = 20, db: Session = Depends(get_db)):
    # ok: VC428
    return db.scalars(select(Item).limit(limit)).all()


@app.get("/items/literal")
def list_items_literal(limit: Literal[10, 50] = 10, db: Session = Depends(get_db)):
    # ok: VC428
    return db.scalars(select(Item).limit(limit)).all()


@app.get("/items/unbounded-query")
def list_items_unbounded(limit: int = Query(20, ge=1), db: Session = Depends(get_db)):
    # expect: VC428
    return db.scalars(select(Item).limit(limit)).all()


@app.post("/items/search")
def search_items(body: Listing, db: Session = Depends(get_db)):
    # expect: VC428
    first = db.scalars(select(Item).limit(body.limit)).all()
    # ok: VC428
    second = db.scalars(select(Item).limit(body.capped)).all()
    # ok: VC428
    third = db.scalars(select(Item).limit(body.checked)).all()
    return [*first, *second, *third]


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    # ok: VC428
    return db.get(Item, item_id)


@app.get("/matrix")
def matrix(size: int = 10):
    # expect: VC428
    return [[0] * size for _ in range(10)]
