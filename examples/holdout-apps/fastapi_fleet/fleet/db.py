from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends
from sqlmodel import Field, Session, SQLModel, create_engine

engine = create_engine("sqlite:///fleet.db")


class Vehicle(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plate: str
    owner_id: int
    odometer_km: int = 0
    status: str = "active"


class Driver(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str
    role: str = "driver"
    hashed_password: str


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
