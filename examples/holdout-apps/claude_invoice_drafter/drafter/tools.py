"""Tools the assistant can call while drafting invoices."""

import json
import os
import smtplib
from email.message import EmailMessage
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from . import store

DRAFTS_DIR = Path(os.environ.get("DRAFTS_DIR", "drafts"))
TEMPLATES = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())

TOOL_SCHEMAS = [
    {"name": "find_customer", "description": "Look up a customer by name",
     "input_schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}},
    {"name": "calculate", "description": "Evaluate an arithmetic expression for invoice totals",
     "input_schema": {"type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]}},
    {"name": "run_report", "description": "Run a read-only SQL query against the invoice database",
     "input_schema": {"type": "object", "properties": {"sql": {"type": "string"}}, "required": ["sql"]}},
    {"name": "render_invoice", "description": "Render the invoice body from a Jinja template and context",
     "input_schema": {"type": "object", "properties": {"template": {"type": "string"}, "context": {"type": "object"}}}},
    {"name": "save_draft", "description": "Save a drafted invoice to a file",
     "input_schema": {"type": "object", "properties": {"filename": {"type": "string"}, "content": {"type": "string"}}}},
]


def find_customer(name: str) -> str:
    return json.dumps(store.find_customer(name))


def calculate(expression: str) -> str:
    # expect: VC401/VC424
    return str(eval(expression))


def run_report(sql: str) -> str:
    with store.connect() as conn:
        # expect: VC401
        rows = conn.execute(sql).fetchall()
    return json.dumps([dict(r) for r in rows], default=str)


def render_invoice(template: str, context: dict) -> str:
    # expect: VC401
    return Template(template).render(**context)


def render_invoice_file(template_name: str, context: dict) -> str:
    # ok: VC401
    return TEMPLATES.get_template("invoice.html.j2").render(**context)


def save_draft(filename: str, content: str) -> str:
    path = DRAFTS_DIR / filename
    # expect: VC401
    path.write_text(content)
    return str(path)


def save_draft_safely(filename: str, content: str) -> str:
    # ok: VC401
    path = (DRAFTS_DIR / Path(filename).name).resolve()
    if not path.is_relative_to(DRAFTS_DIR.resolve()):
        raise ValueError("draft must stay in the drafts folder")
    path.write_text(content)
    return str(path)


def email_invoice(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "billing@example.com", to, subject
    msg.set_content(body)
    with smtplib.SMTP(os.environ.get("SMTP_HOST", "smtp.example.com"), 587) as smtp:
        # expect: VC418
        smtp.login("billing@example.com", os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)


REGISTRY = {
    "find_customer": find_customer,
    "calculate": calculate,
    "run_report": run_report,
    "render_invoice": render_invoice,
    "save_draft": save_draft,
}
