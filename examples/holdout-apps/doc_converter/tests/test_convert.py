import subprocess
import zipfile
from pathlib import Path
from unittest.mock import patch

import pytest

from docsvc import archive, convert


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_unpack_zip_checked_rejects_traversal(tmp_path: Path):
    bundle = make_zip(tmp_path / "b.zip", {"../evil.txt": b"x"})
    with pytest.raises(ValueError):
        archive.unpack_zip_checked(bundle, tmp_path / "out")


def test_unpack_zip_checked_extracts(tmp_path: Path):
    bundle = make_zip(tmp_path / "b.zip", {"a/one.txt": b"1", "two.txt": b"2"})
    out = archive.unpack_zip_checked(bundle, tmp_path / "out")
    assert sorted(p.name for p in out) == ["one.txt", "two.txt"]


def test_office_to_pdf_safe_builds_argument_list(tmp_path: Path):
    with patch("docsvc.convert.subprocess.run") as run:
        convert.office_to_pdf_safe(tmp_path / "report.docx")
    args = run.call_args[0][0]
    assert args[-1].endswith("report.docx")
    assert "--headless" in args


# expect: VC308
def test_page_count_mocked():
    with patch("docsvc.convert.subprocess.run") as run:
        run.return_value = subprocess.CompletedProcess([], 0, stdout="12\n")
        run(["qpdf", "--show-npages", "x.pdf"])
        run.assert_called_once()


def test_page_count_reads_stdout():
    with patch("docsvc.convert.subprocess.run") as run:
        run.return_value = subprocess.CompletedProcess([], 0, stdout="12\n")
        count = convert.page_count("x.pdf")
    # expect: VC310
    assert count


def test_docx_text_safe(tmp_path: Path):
    xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b"<w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>")
    docx = make_zip(tmp_path / "d.docx", {"word/document.xml": xml})
    assert archive.docx_text_safe(docx) == "Hello"


# expect: VC303
def test_pdf_to_text_missing_tool(tmp_path: Path):
    try:
        convert.pdf_to_text_safe(str(tmp_path / "missing.pdf"))
    except (subprocess.CalledProcessError, FileNotFoundError):
        pass


# expect: VC303
def test_tarball_filtered(tmp_path: Path):
    import tarfile
    src = tmp_path / "a.txt"
    src.write_text("a")
    with tarfile.open(tmp_path / "b.tar.gz", "w:gz") as tf:
        tf.add(src, arcname="a.txt")
    archive.unpack_tarball_filtered(tmp_path / "b.tar.gz", tmp_path / "out")
