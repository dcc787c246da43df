import json
from unittest.mock import AsyncMock, patch

import pytest

from assistant import tools


@pytest.fixture()
def conn() -> AsyncMock:
    return AsyncMock()


async def test_unknown_tool_is_refused(conn: AsyncMock) -> None:
    result = json.loads(await tools.call(conn, 7, "run_shell", '{"cmd": "rm -rf /"}'))
    assert result == {"error": "unknown tool run_shell"}
    conn.fetch.assert_not_awaited()
    conn.fetchrow.assert_not_awaited()


@pytest.mark.parametrize(
    "arguments",
    ['{"order_number": "1 OR 1=1"}', '{"order_number": "ORD-123456", "customer_id": 1}', "not json", "{}"],
)
async def test_malformed_arguments_are_refused(conn: AsyncMock, arguments: str) -> None:
    result = json.loads(await tools.call(conn, 7, "order_status", arguments))
    assert result["error"] == "invalid arguments"
    conn.fetchrow.assert_not_awaited()


async def test_customer_id_comes_from_the_caller_not_the_model(conn: AsyncMock) -> None:
    with patch("assistant.repository.order_status", new=AsyncMock(return_value={"status": "paid"})) as lookup:
        result = await tools.call(conn, 7, "order_status", '{"order_number": "ORD-123456"}')
    lookup.assert_awaited_once_with(conn, 7, "ORD-123456")
    assert json.loads(result) == {"status": "paid"}


def test_every_registered_tool_has_a_schema() -> None:
    names = [entry["function"]["name"] for entry in tools.schemas()]
    assert names == list(tools.REGISTRY)
    assert all(entry["function"]["parameters"]["type"] == "object" for entry in tools.schemas())
