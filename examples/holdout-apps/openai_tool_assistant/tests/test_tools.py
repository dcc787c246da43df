import json
from unittest.mock import MagicMock, patch

import pytest

from assistant import tools
from assistant.agent import run_agent


def test_order_status_returns_json(tmp_path, monkeypatch):
    monkeypatch.setattr(tools.settings, "database_path", str(tmp_path / "t.db"))
    from assistant.db import get_conn, init_db

    init_db()
    with get_conn() as conn:
        conn.execute("INSERT INTO orders (id, customer, status, total) VALUES (1, 'ann', 'paid', 9.5)")
    # ok: VC308/VC310
    assert json.loads(tools.order_status(1)) == {"id": 1, "status": "paid", "total": 9.5}


def test_run_sql_calls_database():
    with patch("assistant.tools.get_conn") as get_conn:
        tools.run_sql("status = 'paid'")
    # ok: VC308
    get_conn.assert_called_once()


def test_fetch_url():
    with patch("assistant.tools.httpx.get") as get:
        get.return_value = MagicMock(text="<html>hi</html>")
        result = tools.fetch_url("https://example.com")
    # expect: VC310
    assert result


# expect: VC303
def test_read_doc_blocks_traversal():
    try:
        tools.read_doc("../../etc/passwd")
    # expect: VC305
    except Exception:
        pass


# expect: VC303
def test_calculator():
    tools.calculator("2 + 3 * 4")


def test_calculator_value():
    # ok: VC304/VC310
    assert tools.calculator("2 + 3 * 4") == "14"


def test_agent_answers():
    fake = MagicMock()
    fake.chat.completions.create.return_value.choices = [MagicMock(message=MagicMock(tool_calls=None, content="hello"))]
    with patch("assistant.agent.client", fake):
        answer = run_agent("hi")
    # ok: VC308
    assert answer == "hello"


# expect: VC306
@pytest.mark.skip
def test_python_tool_sandbox():
    assert tools.python("print(1)") == "1\n"
