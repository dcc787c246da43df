"""Conversions through the usual command-line tools (LibreOffice, poppler, ghostscript)."""

import logging
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from .settings import OUTPUT, SOFFICE, WORK

log = logging.getLogger(__name__)


def office_to_pdf(path: Path) -> Path:
    # expect: VC408/VC421/VC417
    subprocess.run(f"{SOFFICE} --headless --convert-to pdf --outdir {OUTPUT} {path}", shell=True, check=True)
    return OUTPUT / (path.stem + ".pdf")


def office_to_pdf_safe(path: Path) -> Path:
    # ok: VC408/VC421/VC108
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(OUTPUT), str(path)],
                   check=True, timeout=120)
    return OUTPUT / (path.stem + ".pdf")


def pdf_to_text(pdf_path: str) -> str:
    # expect: VC405
    txt_path = tempfile.mktemp(suffix=".txt")
    # expect: VC408/VC421/VC417, VC108
    os.system("pdftotext -layout " + pdf_path + " " + txt_path)
    with open(txt_path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def pdf_to_text_safe(pdf_path: str) -> str:
    # ok: VC405
    with tempfile.NamedTemporaryFile(suffix=".txt", dir=WORK) as out:
        # ok: VC408/VC421/VC108
        subprocess.run(["pdftotext", "-layout", "--", pdf_path, out.name], check=True, timeout=60)
        return Path(out.name).read_text(encoding="utf-8", errors="replace")


def pdf_thumbnail(pdf_path: str, out_png: str) -> None:
    cmd = f"gs -q -dNOPAUSE -dBATCH -sDEVICE=png16m -dFirstPage=1 -dLastPage=1 -r72 -sOutputFile={shlex.quote(out_png)} {shlex.quote(pdf_path)}"
    # ok: VC408/VC421
    subprocess.run(cmd, shell=True, check=True, timeout=60)


def page_count(pdf_path: str) -> int:
    # expect: VC108
    result = subprocess.run(["qpdf", "--show-npages", pdf_path], capture_output=True, text=True)
    return int(result.stdout.strip() or 0)


def compress_pdf(pdf_path: str, quality: str) -> str:
    out = str(OUTPUT / (Path(pdf_path).stem + "-small.pdf"))
    # expect: VC408/VC421/VC417
    subprocess.check_call(f"gs -sDEVICE=pdfwrite -dPDFSETTINGS=/{quality} -o {out} {pdf_path}", shell=True)
    return out


def make_scratch_file(suffix: str) -> str:
    # expect: VC405
    return tempfile.mktemp(suffix=suffix, dir=WORK)
