import json
import logging
import shutil
import sys
from pathlib import Path
from unittest.mock import patch

import pytest

from snapkit import __main__ as cli_main
from snapkit.crypto import DecryptionError, decrypt_file, encrypt_file
from snapkit.hooks import FLUSH_SCRIPT, disk_free, flush_service
from snapkit.plugins import LocalStore, describe, human_size


def assert_round_trip(tmp_path: Path, payload: bytes) -> None:
    source, sealed = tmp_path / "in", tmp_path / "out"
    source.write_bytes(payload)
    encrypt_file(source, sealed, "correct horse")
    assert payload not in sealed.read_bytes() or not payload
    assert decrypt_file(sealed, "correct horse") == payload


@pytest.mark.parametrize("payload", [b"", b"x", b"snapshot" * 1000])
def test_encryption_round_trip(tmp_path: Path, payload: bytes) -> None:
    assert_round_trip(tmp_path, payload)


def test_wrong_passphrase(tmp_path: Path) -> None:
    (tmp_path / "in").write_bytes(b"data")
    encrypt_file(tmp_path / "in", tmp_path / "out", "right")
    with pytest.raises(DecryptionError, match="wrong passphrase"):
        decrypt_file(tmp_path / "out", "wrong")


def test_same_input_encrypts_differently(tmp_path: Path) -> None:
    (tmp_path / "in").write_bytes(b"data")
    encrypt_file(tmp_path / "in", tmp_path / "a", "p")
    encrypt_file(tmp_path / "in", tmp_path / "b", "p")
    assert (tmp_path / "a").read_bytes() != (tmp_path / "b").read_bytes()


def test_flush_passes_the_service_as_an_argument() -> None:
    with patch("snapkit.hooks.subprocess.run") as run:
        flush_service("web; rm -rf /")
    run.assert_called_once_with(
        ["sh", "-c", FLUSH_SCRIPT, "flush-hook", "web; rm -rf /"], check=True, timeout=300
    )


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("df") is None, reason="GNU df is Linux-only")
def test_disk_free_of_tmp(tmp_path: Path) -> None:
    assert disk_free(str(tmp_path)) > 0


def test_disk_free_reports_failure(tmp_path: Path) -> None:
    failed = type("Done", (), {"returncode": 1, "stderr": "no such file\n", "stdout": ""})()
    with patch("snapkit.hooks.subprocess.run", return_value=failed), pytest.raises(OSError, match="no such file"):
        disk_free(str(tmp_path / "missing"))


@pytest.mark.parametrize(("value", "text"), [(0, "0 B"), (2048, "2 KiB"), (5 * 1024**3, "5 GiB")])
def test_human_size(value: int, text: str) -> None:
    assert human_size(value) == text


def test_describe_dispatches(tmp_path: Path) -> None:
    assert describe(tmp_path / "a.tar") == "file a.tar"
    assert describe(LocalStore(tmp_path)) == f"local store at {tmp_path}"
    with pytest.raises(TypeError, match="cannot describe int"):
        describe(3)


def test_main_usage(capsys) -> None:
    assert cli_main.main(["nope"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_main_prints_results(tmp_path: Path, capsys) -> None:
    assert cli_main.main(["verify-all", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out) == {}


def test_main_logs_unexpected_errors(tmp_path: Path, caplog) -> None:
    with patch.object(cli_main, "verify_all", side_effect=RuntimeError("disk on fire")), caplog.at_level(logging.ERROR):
        assert cli_main.main(["verify-all", str(tmp_path)]) == 1
    assert "verify-all failed" in caplog.text
    assert "disk on fire" in caplog.text


@pytest.mark.xfail(strict=True, reason="archives over 4 GiB need the streaming format of 0.5")
def test_huge_archive_is_streamed(tmp_path: Path) -> None:
    with patch("pathlib.Path.read_bytes", side_effect=MemoryError):
        (tmp_path / "in").write_bytes(b"x")
        encrypt_file(tmp_path / "in", tmp_path / "out", "p")
