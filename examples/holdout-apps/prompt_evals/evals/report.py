"""HTML and markdown reports of a run."""

from __future__ import annotations

import html
from pathlib import Path

import requests
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def html_report(run_name: str, rows: list[dict], out: Path) -> Path:
    body = "".join(
        # expect: VC401/VC427
        f"<tr><td>{r['case_id']}</td><td>{r['answer']}</td><td>{r['score']:.2f}</td></tr>" for r in rows
    )
    out.write_text(f"<html><body><h1>{run_name}</h1><table>{body}</table></body></html>")
    return out


def html_report_escaped(run_name: str, rows: list[dict], out: Path) -> Path:
    # ok: VC401/VC427
    body = "".join(
        f"<tr><td>{html.escape(r['case_id'])}</td><td>{html.escape(r['answer'])}</td><td>{r['score']:.2f}</td></tr>"
        for r in rows
    )
    out.write_text(f"<html><body><h1>{html.escape(run_name)}</h1><table>{body}</table></body></html>")
    return out


def templated_report(run_name: str, rows: list[dict], out: Path) -> Path:
    # ok: VC426
    out.write_text(env.get_template("report.html.j2").render(run=run_name, rows=rows))
    return out


def custom_report(template_file: str, run_name: str, rows: list[dict]) -> str:
    """Teams bring their own report layout."""
    source = Path(template_file).read_text()
    # ok: VC426 -- corrected after the first run: a template file the operator names, not text built from values
    return Template(source).render(run=run_name, rows=rows)


def post_to_slack(webhook_url: str, run_name: str, score: float) -> None:
    # expect: VC106, VC107
    requests.post(webhook_url, json={"text": f"{run_name}: {score:.1%}"})


def post_to_dashboard(run_name: str, score: float) -> None:
    # expect: VC404
    resp = requests.post("https://evals.internal/api/runs", json={"run": run_name, "score": score},
                         verify=False, timeout=10)
    resp.raise_for_status()
