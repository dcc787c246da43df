from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from stockledger.ledger import Ledger, Movement


def save_ledger(ledger: Ledger, path: Path) -> None:
    rows = [
        {"sku": m.sku, "qty": m.qty, "unit_cost": str(m.unit_cost), "at": m.at.isoformat()}
        for m in ledger.history()
    ]
    path.write_text(json.dumps(rows, indent=2), encoding="utf-8")


def load_ledger(path: Path) -> Ledger | None:
    if not path.exists():
        return None
    ledger = Ledger()
    for row in json.loads(path.read_text(encoding="utf-8")):
        movement = Movement(row["sku"], row["qty"], Decimal(row["unit_cost"]), datetime.fromisoformat(row["at"]))
        ledger._movements.append(movement)
        ledger._balances[movement.sku] += movement.qty
    return ledger
