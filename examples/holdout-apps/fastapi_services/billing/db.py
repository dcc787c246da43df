import os

from sqlmodel import Session, create_engine

engine = create_engine(os.environ.get("BILLING_DB", "sqlite:///billing.db"))


def get_db():
    with Session(engine) as session:
        yield session
