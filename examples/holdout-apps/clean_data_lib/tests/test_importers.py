from pathlib import Path

import pytest
from defusedxml import EntitiesForbidden

from ledgerkit.importers import StatementError, read_camt, read_csv


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "date;amount;counterparty;reference\n02.01.2024;-1.234,50;Rent Co ;Jan\n")
    (only,) = read_csv(path, "A", "EUR")
    assert (str(only.money.amount), only.counterparty) == ("-1234.50", "Rent Co")


def test_csv_bad_row_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "date;amount;counterparty;reference\n02.01.2024;12;x;y\n31.02.2024;1;x;y\n")
    with pytest.raises(StatementError, match=r"s\.csv:3:"):
        list(read_csv(path, "A", "EUR"))


def test_csv_missing_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "date;amount\n")
    with pytest.raises(StatementError, match=r"missing columns \['counterparty', 'reference'\]"):
        list(read_csv(path, "A", "EUR"))


CAMT = """<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-05</Dt></BookgDt></Ntry>
<Ntry><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-06</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>"""


def test_camt_signs_debits(tmp_path: Path) -> None:
    rows = list(read_camt(write(tmp_path, "s.xml", CAMT), "A"))
    assert [str(t.money.amount) for t in rows] == ["-12.50", "100.00"]


def test_camt_refuses_entities(tmp_path: Path) -> None:
    path = write(tmp_path, "s.xml", '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>')
    with pytest.raises(EntitiesForbidden):
        list(read_camt(path, "A"))
