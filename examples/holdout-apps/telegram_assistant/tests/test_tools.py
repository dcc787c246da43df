from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from homebot import tools


def test_calculator_basic():
    assert tools.calculator("2 * (3 + 4)") == "14"


def test_calculator_rejects_names():
    with pytest.raises(ValueError):
        tools.calculator("__import__('os').system('id')")


def test_read_note_blocks_traversal(tmp_path, monkeypatch):
    monkeypatch.setattr(tools, "NOTES_DIR", tmp_path)
    (tmp_path / "a.md").write_text("hello")
    assert tools.read_note("a.md") == "hello"
    assert tools.read_note("../etc/passwd").startswith("error")


def test_write_note(tmp_path, monkeypatch):
    monkeypatch.setattr(tools, "NOTES_DIR", tmp_path)
    result = tools.write_note("b.md", "content")
    # expect: VC310
    assert result


@pytest.mark.asyncio
async def test_dispatch_unknown_tool():
    assert await tools.dispatch("nope", {}) == "unknown tool nope"


@pytest.mark.asyncio
async def test_dispatch_reports_tool_errors():
    out = await tools.dispatch("calculator", {"expression": "1/0"})
    assert out.startswith("tool error:")


@pytest.mark.asyncio
async def test_weather_tool():
    fake = MagicMock()
    fake.get = AsyncMock(return_value=MagicMock(text='{"t": 1}', raise_for_status=lambda: None))
    with patch("homebot.tools.httpx.AsyncClient") as client_cls:
        client_cls.return_value.__aenter__.return_value = fake
        out = await tools.weather(52.5, 13.4)
    # ok: VC308
    assert out == '{"t": 1}'
    fake.get.assert_awaited_once()


def test_run_shell_echo():
    out = tools.run_shell("echo hi")
    # expect: VC311
    if out:
        assert "hi" in out


# expect: VC303
def test_system_status():
    tools.system_status()


# expect: VC308
def test_python_eval_math():
    with patch("homebot.tools.python_eval", return_value="4") as fake:
        assert fake("2+2") == "4"
