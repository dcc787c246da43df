"""Prompt: open a TLS socket to a device and an httpx/aiohttp client for its API."""

import socket
import ssl

import aiohttp
import httpx


def connect_device(host: str, port: int = 8443) -> ssl.SSLSocket:
    context = ssl.create_default_context()
    # expect: VC404
    context.check_hostname = False
    # expect: VC404
    context.verify_mode = ssl.CERT_NONE
    return context.wrap_socket(socket.create_connection((host, port)), server_hostname=host)


def connect_device_verified(host: str, port: int = 8443) -> ssl.SSLSocket:
    context = ssl.create_default_context()
    # ok: VC404
    context.verify_mode = ssl.CERT_REQUIRED
    return context.wrap_socket(socket.create_connection((host, port)), server_hostname=host)


def device_client() -> httpx.Client:
    # expect: VC404
    return httpx.Client(base_url="https://device.local", verify=False, timeout=10)


async def device_info(url: str) -> dict:
    async with aiohttp.ClientSession() as session:
        # expect: VC404
        async with session.get(url, ssl=False, timeout=aiohttp.ClientTimeout(total=10)) as resp:
            # expect: VC107
            return await resp.json()
