from typer.testing import CliRunner

from notecli.admin import app
from notecli.store import NoteStore

runner = CliRunner()


def test_check_ok(tmp_path):
    db = tmp_path / "n.sqlite3"
    NoteStore(db).close()
    result = runner.invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.strip() == "ok"


# expect: VC303
def test_check_missing_db(tmp_path):
    runner.invoke(app, ["check", "--db", str(tmp_path / "missing.sqlite3")])


def test_stats(tmp_path):
    db = tmp_path / "n.sqlite3"
    store = NoteStore(db)
    store.add("one #a #b")
    store.close()
    result = runner.invoke(app, ["stats", "--db", str(db)])
    # expect: VC304/VC310
    assert "notes" in result.stdout or result.exit_code


def test_stats_counts(tmp_path):
    db = tmp_path / "n.sqlite3"
    store = NoteStore(db)
    store.add("one #a #b")
    store.add("two #b")
    store.close()
    result = runner.invoke(app, ["stats", "--db", str(db)])
    # ok: VC310
    assert result.exit_code == 0
    assert result.stdout == "2 notes, 2 tags\n"
