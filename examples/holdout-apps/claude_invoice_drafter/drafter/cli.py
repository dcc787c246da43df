"""Command-line entry points."""

import subprocess

import typer
# expect: VC504
from rich.console import Console

from . import assistant, store
from .tools import email_invoice

app = typer.Typer()
console = Console()


@app.command()
def draft(request: str) -> None:
    text = assistant.draft(request)
    # expect: VC502
    # TODO: add VAT handling for EU customers
    console.print(text)


@app.command()
def items(path: str, invoice_id: int) -> None:
    with open(path) as fh:
        line_items = assistant.extract_line_items(fh.read())
    # expect: VC505
    print("DEBUG items:", line_items)
    with store.connect() as conn:
        for item in line_items:
            conn.execute(
                "INSERT INTO line_items (invoice_id, description, quantity, unit_price) VALUES (?, ?, ?, ?)",
                (invoice_id, item["description"], item["quantity"], item["unit_price"]),
            )


@app.command()
def send(invoice_id: int, to: str) -> None:
    total = store.invoice_total(invoice_id)
    email_invoice(to, f"Invoice {invoice_id}", f"Amount due: {total:.2f} EUR")
    # ok: VC408/VC108
    subprocess.run(["logger", "-t", "drafter", f"invoice {invoice_id} sent"], check=True)


@app.command()
def archive(invoice_id: int, folder: str) -> None:
    # expect: VC108
    subprocess.run(["tar", "czf", f"{folder}/invoice-{invoice_id}.tgz", f"drafts/{invoice_id}"])


if __name__ == "__main__":
    app()
