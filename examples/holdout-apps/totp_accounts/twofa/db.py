import os
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends
from sqlmodel import Session, create_engine

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///twofa.db"))


def get_db() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


Db = Annotated[Session, Depends(get_db)]
