"""HTML -> PDF rendering through wkhtmltopdf, and chart images through gnuplot."""

import logging
import subprocess
from pathlib import Path
from subprocess import run as run_cmd

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .config import RENDER_TIMEOUT, TEMPLATES, WORK_DIR

logger = logging.getLogger(__name__)
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


class RenderError(RuntimeError):
    pass


def render_html(customer: dict, rows: list[dict]) -> Path:
    out = WORK_DIR / f"{customer['id']}.html"
    out.write_text(env.get_template("monthly.html").render(customer=customer, rows=rows), encoding="utf-8")
    return out


def html_to_pdf(html: Path) -> Path:
    pdf = html.with_suffix(".pdf")
    # expect: VC108 -- a failed conversion leaves no PDF and nobody notices until the upload
    subprocess.run(["wkhtmltopdf", "--quiet", str(html), str(pdf)], capture_output=True, timeout=RENDER_TIMEOUT)
    return pdf


def html_to_pdf_checked(html: Path) -> Path:
    pdf = html.with_suffix(".pdf")
    # ok: VC108 -- check=True
    subprocess.run(["wkhtmltopdf", "--quiet", str(html), str(pdf)], check=True, timeout=RENDER_TIMEOUT)
    return pdf


def chart(customer_id: str, data_file: Path) -> Path:
    png = WORK_DIR / f"{customer_id}-usage.png"
    script = WORK_DIR / f"{customer_id}.gp"
    script.write_text(f"set terminal png; set output '{png}'; plot '{data_file}' using 1:2 with lines\n")
    # expect: VC108 -- imported as run_cmd, result dropped
    run_cmd(["gnuplot", str(script)], timeout=60)
    return png


def chart_checked(customer_id: str, data_file: Path) -> Path:
    png = WORK_DIR / f"{customer_id}-usage.png"
    script = WORK_DIR / f"{customer_id}.gp"
    script.write_text(f"set terminal png; set output '{png}'; plot '{data_file}' using 1:2 with lines\n")
    # ok: VC108 -- the return code is read and turned into an error
    proc = run_cmd(["gnuplot", str(script)], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RenderError(f"gnuplot failed for {customer_id}: {proc.stderr.strip()}")
    return png


def compress(pdf: Path) -> Path:
    small = pdf.with_name(pdf.stem + "-small.pdf")
    # expect: VC108 -- subprocess.call's exit status thrown away
    subprocess.call(["gs", "-sDEVICE=pdfwrite", "-dPDFSETTINGS=/ebook", "-o", str(small), str(pdf)])
    return small


def compress_checked(pdf: Path) -> Path:
    small = pdf.with_name(pdf.stem + "-small.pdf")
    # ok: VC108 -- check_call raises on a non-zero status
    subprocess.check_call(["gs", "-sDEVICE=pdfwrite", "-dPDFSETTINGS=/ebook", "-o", str(small), str(pdf)])
    return small
