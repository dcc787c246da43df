"""`vibecheck baseline` and the baseline in `vibecheck check`, run as a user runs them, on files in tmp_path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from tests.integration.conftest import write
from vibecheck.cli import cli

SARIF_SCHEMA = json.loads((Path(__file__).parents[1] / "reporters" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

APP = '''\
import requests


def fetch(url):
    try:
        return requests.get(url)
    except Exception:
        pass


class Store:
    def load(self, path):
        try:
            return open(path).read()
        except Exception:
            pass
'''


CONFIG = '[tool.vibecheck]\nignore = ["VC307"]  # no tests in these projects\n'


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"pyproject.toml": CONFIG, "app.py": APP})
    return tmp_path


CONCISE = re.compile(r"^(.*?):(\d+):\d+: (\S+) ")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def reported(*args: str) -> list[str]:
    """`path:line CODE` of each finding that `vibecheck check` reports."""
    result = run("check", "--format", "concise", *args)
    assert result.exit_code in (0, 1), result.output
    return sorted("{} {} {}".format(*CONCISE.match(line).groups()) for line in result.stdout.splitlines() if line)


def make_baseline(*args: str) -> dict:
    result = run("baseline", *args)
    assert result.exit_code == 0, result.output
    return json.loads(Path(".vibecheck-baseline.json").read_text(encoding="utf-8"))


def test_baseline_hides_todays_findings_and_the_file_is_stable(project: Path) -> None:
    assert reported() == ["app.py 15 VC101", "app.py 6 VC106", "app.py 7 VC101"]
    document = make_baseline()
    assert document["format"] == "vibecheck-baseline" and document["version"] == 1
    assert [(e["path"], e["rule"], e["symbol"], e["count"]) for e in document["entries"]] == [
        ("app.py", "VC101", "Store.load", 1), ("app.py", "VC101", "fetch", 1), ("app.py", "VC106", "fetch", 1)]
    text = (project / ".vibecheck-baseline.json").read_text(encoding="utf-8")
    assert "requests.get(url)" not in text and "open(path)" not in text  # code is hashed, never stored
    result = run("check", ".")
    assert result.exit_code == 0, result.output
    assert "3 findings in the baseline not shown" in result.stderr
    make_baseline()
    assert (project / ".vibecheck-baseline.json").read_text(encoding="utf-8") == text  # byte-identical rerun
    assert reported("--no-baseline") == ["app.py 15 VC101", "app.py 6 VC106", "app.py 7 VC101"]


def test_lines_inserted_above_and_reformatting_keep_findings_baselined(project: Path) -> None:
    make_baseline()
    shifted = APP.replace("import requests\n", "import requests\nimport os  # new\n\nLIMIT = 3\n\n\n")
    shifted = shifted.replace("return requests.get(url)", "return requests.get(  # a comment\n            url,\n        )")
    shifted = shifted.replace("    except Exception:\n        pass", "    except   Exception :\n        pass")
    (project / "app.py").write_text(shifted, encoding="utf-8")
    assert reported() == []


def test_a_second_copy_of_a_baselined_pattern_is_new(project: Path) -> None:
    make_baseline()
    doubled = APP.replace("        pass\n\n\nclass Store", "        pass\n    try:\n        url = url.strip()\n"
                                                          "    except Exception:\n        pass\n\n\nclass Store")
    (project / "app.py").write_text(doubled, encoding="utf-8")
    assert reported() == ["app.py 11 VC101"]  # one `except Exception: pass` of `fetch` is accepted; the later copy is new
    first_copy = "    try:\n        return requests.get(url)\n    except Exception:\n        pass\n"
    (project / "app.py").write_text(doubled.replace(first_copy, "    response = requests.get(url)\n"), encoding="utf-8")
    assert reported() == []  # one copy again, now where the second was: the count still covers it


def test_a_fixed_finding_is_listed_as_stale_and_prune_drops_it(project: Path) -> None:
    make_baseline()
    (project / "app.py").write_text(APP.replace("            pass\n", "            raise\n"), encoding="utf-8")
    result = run("check", ".")
    assert result.exit_code == 0, result.output
    assert "1 baselined finding(s) no longer found" in result.stderr
    assert "stale: app.py: VC101 in `Store.load`" in result.stderr
    new_code = project / "new.py"
    new_code.write_text("def f():\n    try:\n        g()\n    except Exception:\n        pass\n", encoding="utf-8")
    document = make_baseline("--prune")
    assert [(e["rule"], e["symbol"]) for e in document["entries"]] == [("VC101", "fetch"), ("VC106", "fetch")]
    assert reported() == ["new.py 4 VC101"]  # --prune added nothing
    result = run("check", ".")
    assert "no longer found" not in result.stderr


def test_baseline_of_some_paths_keeps_the_other_entries(project: Path) -> None:
    write(project, {"other.py": "def g():\n    try:\n        h()\n    except Exception:\n        pass\n"})
    make_baseline()
    (project / "app.py").write_text(APP.replace("            pass\n", "            raise\n"), encoding="utf-8")
    document = make_baseline("other.py")
    assert {e["path"] for e in document["entries"]} == {"app.py", "other.py"}
    assert len(document["entries"]) == 4
    assert "no longer found" not in run("check", "other.py").stderr  # app.py was not checked: not stale


def test_a_deleted_file_leaves_stale_entries(project: Path) -> None:
    write(project, {"other.py": "def g():\n    try:\n        h()\n    except Exception:\n        pass\n"})
    make_baseline()
    (project / "other.py").unlink()
    result = run("check", "app.py")
    assert "stale: other.py: VC101 in `g`" in result.stderr


@pytest.mark.parametrize("content", ["{not json", '{"format": "sarif", "entries": []}', "[]",
                                     '{"format": "vibecheck-baseline", "version": 99, "entries": []}',
                                     '{"format": "vibecheck-baseline", "version": 1, "entries": [{"path": "a.py"}]}'])
def test_a_corrupt_or_foreign_baseline_is_an_error_naming_the_file(project: Path, content: str) -> None:
    (project / ".vibecheck-baseline.json").write_text(content, encoding="utf-8")
    for args in (["check", "."], ["baseline"]):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert ".vibecheck-baseline.json" in result.stderr
        assert result.stdout == ""


def test_a_named_baseline_must_exist_and_the_config_key_is_honoured(project: Path) -> None:
    result = run("check", "--baseline", "missing.json", ".")
    assert result.exit_code == 2 and "missing.json: no such baseline file" in result.stderr
    result = run("baseline", "--baseline", "ci/accepted.json")
    assert result.exit_code == 2  # its folder does not exist: nothing is half-written
    (project / "ci").mkdir()
    assert run("baseline", "--baseline", "ci/accepted.json").exit_code == 0
    assert reported("--baseline", "ci/accepted.json") == []
    assert len(reported()) == 3  # the default file does not exist: nothing is hidden
    (project / "pyproject.toml").write_text(CONFIG + 'baseline = "ci/accepted.json"\n', encoding="utf-8")
    assert reported() == []


def test_sarif_marks_new_and_unchanged_results(project: Path) -> None:
    make_baseline()
    (project / "app.py").write_text(APP + "\n\ndef more():\n    try:\n        x()\n    except Exception:\n        pass\n",
                                    encoding="utf-8")
    result = run("check", "--format", "sarif", ".")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    states = sorted((r["baselineState"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                    for r in log["runs"][0]["results"])
    assert states == [("new", 22), ("unchanged", 6), ("unchanged", 7), ("unchanged", 15)]
    plain = json.loads(run("check", "--format", "sarif", "--no-baseline", ".").stdout)
    assert all("baselineState" not in r for r in plain["runs"][0]["results"])


def test_project_rule_findings_are_baselined_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "pyproject.toml": '[tool.vibecheck]\nextend-select = ["VC301"]\n',
        "src/shop/__init__.py": "",
        "src/shop/orders.py": "def total(items):\n    return sum(items)\n\n\ndef refund(order):\n    return order\n",
        "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n",
    })
    assert reported() == ["src/shop/orders.py 5 VC301"]
    make_baseline()
    assert reported() == []
    orders = tmp_path / "src/shop/orders.py"
    orders.write_text(orders.read_text(encoding="utf-8") + "\n\ndef cancel(order):\n    return order\n", encoding="utf-8")
    assert reported() == ["src/shop/orders.py 9 VC301"]


def test_stdin_meets_the_baseline_of_the_file_it_stands_for(project: Path) -> None:
    make_baseline()
    edited = "import os\n\n" + APP.replace("        pass\n\n\nclass Store", "        pass\n    try:\n        url = url.strip()\n"
                                                                           "    except Exception:\n        pass\n\n\nclass Store")
    result = CliRunner().invoke(cli, ["check", "--format", "concise", "--stdin-filename", "app.py"], input=edited)
    assert result.exit_code == 1, result.output
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == ["app.py:13:5"]
    assert "3 findings in the baseline not shown" in result.stderr
