"""The tools the model may call: a fixed registry, arguments validated, results scoped to the caller."""

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
from pydantic import BaseModel, ValidationError

from . import repository
from .schemas import OrderStatusArgs, RecentOrdersArgs

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tool:
    description: str
    args: type[BaseModel]
    run: Callable[[asyncpg.Connection, int, Any], Awaitable[Any]]


async def _order_status(conn: asyncpg.Connection, customer_id: int, args: OrderStatusArgs) -> Any:
    return await repository.order_status(conn, customer_id, args.order_number)


async def _recent_orders(conn: asyncpg.Connection, customer_id: int, args: RecentOrdersArgs) -> Any:
    return await repository.recent_orders(conn, customer_id, args.limit, list(args.status))


REGISTRY: dict[str, Tool] = {
    "order_status": Tool("Status of one of the customer's orders", OrderStatusArgs, _order_status),
    "recent_orders": Tool("The customer's most recent orders", RecentOrdersArgs, _recent_orders),
}


def schemas() -> list[dict[str, Any]]:
    return [
        {"type": "function", "function": {"name": name, "description": t.description, "parameters": t.args.model_json_schema()}}
        for name, t in REGISTRY.items()
    ]


async def call(conn: asyncpg.Connection, customer_id: int, name: str, raw_arguments: str) -> str:
    """Run one tool call from the model; anything unknown or malformed becomes an error the model can read."""
    tool = REGISTRY.get(name)
    if tool is None:
        logger.warning("model asked for unknown tool %r", name)
        return json.dumps({"error": f"unknown tool {name}"})
    try:
        # ok: VC401/VC417 -- parsed and validated against the tool's schema
        args = tool.args.model_validate_json(raw_arguments)
    except ValidationError as exc:
        return json.dumps({"error": "invalid arguments", "details": exc.errors(include_url=False, include_input=False)})
    # ok: VC401/VC417
    result = await tool.run(conn, customer_id, args)
    return json.dumps(result, default=str)
