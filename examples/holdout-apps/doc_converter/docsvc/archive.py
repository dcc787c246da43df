"""Bulk uploads arrive as .zip or .tar.gz bundles of documents."""

import os
import tarfile
import zipfile
from pathlib import Path

from lxml import etree
import defusedxml.ElementTree as SafeET

MAX_MEMBERS = 500
MAX_TOTAL = 500 * 1024 * 1024


def unpack_zip(archive_path: Path, dest: Path) -> list[Path]:
    with zipfile.ZipFile(archive_path) as zf:
        out = []
        for info in zf.infolist():
            target = os.path.join(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            # expect: VC405
            with open(target, "wb") as fh:
                fh.write(zf.read(info))
            out.append(Path(target))
        return out


def unpack_zip_checked(archive_path: Path, dest: Path) -> list[Path]:
    with zipfile.ZipFile(archive_path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL:
            raise ValueError("archive too large")
        root = dest.resolve()
        out = []
        for info in infos:
            target = (root / info.filename).resolve()
            if not target.is_relative_to(root):
                raise ValueError(f"unsafe member {info.filename}")
            target.parent.mkdir(parents=True, exist_ok=True)
            # ok: VC405
            target.write_bytes(zf.read(info))
            out.append(target)
        return out


def unpack_tarball(archive_path: Path, dest: Path) -> list[Path]:
    with tarfile.open(archive_path, "r:*") as tf:
        # expect: VC405
        tf.extractall(dest)
        return [dest / m.name for m in tf.getmembers() if m.isfile()]


def unpack_tarball_filtered(archive_path: Path, dest: Path) -> list[Path]:
    with tarfile.open(archive_path, "r:*") as tf:
        # ok: VC405
        tf.extractall(dest, filter="data")
        return [dest / m.name for m in tf.getmembers() if m.isfile()]


def unpack_zip_stdlib(archive_path: Path, dest: Path) -> None:
    with zipfile.ZipFile(archive_path) as zf:
        # ok: VC405 -- ZipFile.extractall drops absolute paths and '..' parts itself
        zf.extractall(dest)


def docx_text(docx_path: Path) -> str:
    with zipfile.ZipFile(docx_path) as zf:
        with zf.open("word/document.xml") as fh:
            # expect: VC416
            tree = etree.parse(fh)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return "\n".join("".join(p.xpath(".//w:t/text()", namespaces=ns)) for p in tree.iter(f"{{{ns['w']}}}p"))


def docx_text_safe(docx_path: Path) -> str:
    with zipfile.ZipFile(docx_path) as zf:
        with zf.open("word/document.xml") as fh:
            # ok: VC416
            root = SafeET.parse(fh).getroot()
    tag = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    return " ".join(el.text or "" for el in root.iter(tag))
