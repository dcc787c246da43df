"""Credit card service (FastAPI): associates card numbers with phone numbers and returns the cards that are
associated with every phone number of a query."""

import logging
import os
import secrets
import sqlite3
from contextlib import closing

import uvicorn
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

logger = logging.getLogger("cards")
app = FastAPI(title="Credit Card to Phone Number Association Service")
DB_PATH = "cards.db"
# expect: VC203/VC403
API_KEY = os.getenv("CARDS_API_KEY", "dev-cards-key")


class Association(BaseModel):
    credit_card: str = Field(pattern=r"^\d{12,19}$")
    phone: str = Field(min_length=3, max_length=20)


class CardQuery(BaseModel):
    phone_numbers: list[str] = Field(min_length=1, max_length=20)


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute("CREATE TABLE IF NOT EXISTS card_phone (credit_card TEXT, phone TEXT, UNIQUE(credit_card, phone))")
    return conn


def require_key(x_api_key: str = Header(default="")) -> None:
    # expect: VC204
    if x_api_key != API_KEY:
        raise HTTPException(status_code=401, detail="Invalid API key")


def require_key_v2(x_api_key: str = Header(default="")) -> None:
    # ok: VC204
    if not secrets.compare_digest(x_api_key.encode(), API_KEY.encode()):
        raise HTTPException(status_code=401, detail="Invalid API key")


@app.post("/associate_card", status_code=201, dependencies=[Depends(require_key)])
def associate_card(body: Association):
    # expect: VC407
    # expect: VC409
    logger.info("associating card %s with phone %s", body.credit_card, body.phone)
    with closing(get_conn()) as conn, conn:
        conn.execute("INSERT OR IGNORE INTO card_phone VALUES (?, ?)", (body.credit_card, body.phone))
    return {"message": "Association created successfully"}


# expect: VC201/VC219
@app.post("/retrieve_cards")
def retrieve_cards(body: CardQuery):
    phones = ",".join(f"'{p}'" for p in body.phone_numbers)
    sql = f"""
        SELECT credit_card FROM card_phone WHERE phone IN ({phones})
        GROUP BY credit_card HAVING COUNT(DISTINCT phone) = {len(body.phone_numbers)}
    """
    with closing(get_conn()) as conn:
        # expect: VC402/VC422
        rows = conn.execute(sql).fetchall()
    if not rows:
        raise HTTPException(status_code=404, detail="Not found")
    return {"card_numbers": [r[0] for r in rows]}


@app.post("/v2/retrieve_cards", dependencies=[Depends(require_key_v2)])
def retrieve_cards_v2(body: CardQuery):
    phones = sorted(set(body.phone_numbers))
    placeholders = ",".join("?" for _ in phones)
    # ok: VC402/VC422
    sql = (
        f"SELECT credit_card FROM card_phone WHERE phone IN ({placeholders}) "
        "GROUP BY credit_card HAVING COUNT(DISTINCT phone) = ?"
    )
    with closing(get_conn()) as conn:
        rows = conn.execute(sql, (*phones, len(phones))).fetchall()
    # ok: VC407
    logger.info("card lookup for %d phone numbers returned %d cards", len(phones), len(rows))
    if not rows:
        raise HTTPException(status_code=404, detail="Not found")
    return {"card_numbers": [r[0] for r in rows]}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=5000)
