"""Render an audit as HTML (for the dashboard) and CSV (for the client)."""

import csv
import io

from markupsafe import escape

from .crawler import PageReport


def render_rows(reports: list[PageReport]) -> str:
    rows = []
    for r in reports:
        # expect: VC427/VC411 -- titles and descriptions are the crawled site's text
        rows.append(f"<tr><td>{r.url}</td><td>{r.title}</td><td>{r.description}</td><td>{r.status}</td></tr>")
    return "<table class='audit'>" + "".join(rows) + "</table>"


def render_rows_escaped(reports: list[PageReport]) -> str:
    rows = []
    for r in reports:
        # ok: VC427/VC411
        rows.append(f"<tr><td>{escape(r.url)}</td><td>{escape(r.title)}</td><td>{escape(r.description)}</td>"
                    f"<td>{r.status}</td></tr>")
    return "<table class='audit'>" + "".join(rows) + "</table>"


def to_csv(reports: list[PageReport]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["url", "status", "title", "description", "h1_count"])
    for r in reports:
        writer.writerow([r.url, r.status, r.title, r.description, len(r.h1)])
    return buf.getvalue()
