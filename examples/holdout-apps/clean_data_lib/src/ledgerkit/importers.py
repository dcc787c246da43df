"""Statement importers: CSV exports and CAMT.053 XML files from the bank."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from defusedxml import ElementTree as SafeET

from .model import Transaction
from .money import AmountError, parse_amount

logger = logging.getLogger(__name__)
CAMT_NS = {"c": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"}


class StatementError(ValueError):
    """A statement file that cannot be read as a whole."""


def read_csv(path: Path, account: str, currency: str) -> Iterator[Transaction]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        missing = {"date", "amount", "counterparty", "reference"} - set(reader.fieldnames or ())
        if missing:
            raise StatementError(f"{path}: missing columns {sorted(missing)}")
        for line, row in enumerate(reader, start=2):
            try:
                booked = datetime.strptime(row["date"], "%d.%m.%Y").date()
                money = parse_amount(row["amount"], currency)
            except (ValueError, AmountError) as exc:
                raise StatementError(f"{path}:{line}: {exc}") from exc
            yield Transaction(account, booked, money, row["counterparty"].strip(), row["reference"].strip())


def read_camt(path: Path, account: str) -> Iterator[Transaction]:
    try:
        # ok: VC416
        root = SafeET.parse(path).getroot()
    except SafeET.ParseError as exc:
        raise StatementError(f"{path}: not well-formed XML") from exc
    for entry in root.iterfind(".//c:Ntry", CAMT_NS):
        amount = entry.find("c:Amt", CAMT_NS)
        booked = entry.findtext("c:BookgDt/c:Dt", namespaces=CAMT_NS)
        if amount is None or booked is None:
            logger.warning("%s: entry without amount or booking date skipped", path)
            continue
        try:
            money = parse_amount(amount.text or "", amount.attrib.get("Ccy", ""))
        # expect: VC101 -- an unreadable amount drops the whole entry without a word: the totals come out wrong
        except AmountError:
            continue
        if entry.findtext("c:CdtDbtInd", namespaces=CAMT_NS) == "DBIT":
            money = -money
        yield Transaction(
            account=account,
            booked=date.fromisoformat(booked),
            money=money,
            counterparty=entry.findtext(".//c:RltdPties//c:Nm", default="", namespaces=CAMT_NS),
            reference=entry.findtext(".//c:RmtInf/c:Ustrd", default="", namespaces=CAMT_NS),
        )
