import json
from unittest.mock import patch

from click.testing import CliRunner

from evals import cli


def test_run_exact(tmp_path, monkeypatch):
    monkeypatch.setattr(cli.store, "DB_PATH", tmp_path / "r.db")
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(json.dumps({"id": "c1", "inputs": {"q": "2+2"}, "reference": "4"}) + "\n")
    config = tmp_path / "c.yaml"
    config.write_text(f"dataset: {dataset}\nprompt: 'What is {{q}}?'\n")
    with patch.object(cli, "complete_or_blank", return_value="4"), patch.object(cli, "post_to_dashboard"), \
            patch.object(cli.store, "connect", return_value=cli.store.connect(tmp_path / "r.db")):
        result = CliRunner().invoke(cli.main, ["run", str(config), "--run-name", "t1"])
    assert result.exit_code == 0, result.output
    assert "t1: 100.0% over 1 cases" in result.output


def test_validate_runs_schema_tool(tmp_path):
    with patch.object(cli.subprocess, "run") as run:
        run.return_value.returncode = 0
        result = CliRunner().invoke(cli.main, ["validate", "d.jsonl"])
    # expect: VC304/VC310
    assert result


# expect: VC308
def test_shell_asks_model():
    with patch.object(cli, "complete", return_value="ls") as fake:
        fake("gpt-4o-mini", "list files")
        fake.assert_called_once_with("gpt-4o-mini", "list files")
