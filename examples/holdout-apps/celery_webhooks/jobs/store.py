import os
from dataclasses import dataclass

from sqlalchemy import create_engine, text

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///jobs.db"))


@dataclass
class Endpoint:
    id: int
    url: str
    secret: str
    event_types: str


def get_endpoint(endpoint_id: int) -> Endpoint:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, url, secret, event_types FROM endpoints WHERE id = :id"),
                           {"id": endpoint_id}).one()
    return Endpoint(*row)


def endpoints_for(event_type: str) -> list[Endpoint]:
    with engine.connect() as conn:
        # expect: VC402/VC417
        rows = conn.execute(text(f"SELECT id, url, secret, event_types FROM endpoints WHERE event_types LIKE '%{event_type}%'"))
        return [Endpoint(*row) for row in rows]


def mark_delivery(endpoint_id: int, status: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO deliveries (endpoint_id, status) VALUES (:e, :s)"), {"e": endpoint_id, "s": status})
