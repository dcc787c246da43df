"""VC405 corpus: an httpx client whose request hook refuses private destinations vets every URL it is given."""
import ipaddress
import socket

import httpx
import requests
from mcp.server.fastmcp import FastMCP

tools = FastMCP("fetch")


async def _refuse_private_destination(request: httpx.Request) -> None:
    address = socket.gethostbyname(request.url.host)
    if not ipaddress.ip_address(address).is_global:
        raise httpx.RequestError(f"refused: {request.url.host} is private")


@tools.tool()
async def fetch(url: str) -> str:
    async with httpx.AsyncClient() as client:
        client.event_hooks = {"request": [_refuse_private_destination]}
        # ok: VC405 -- the hook vets each request, redirects included, before it leaves
        response = await client.get(url, follow_redirects=True)
        return response.text


@tools.tool()
def fetch_with_requests(url: str) -> str:
    # expect: VC405 -- requests runs no request hook: the httpx client's guard does not cover it
    return requests.get(url, timeout=10).text
