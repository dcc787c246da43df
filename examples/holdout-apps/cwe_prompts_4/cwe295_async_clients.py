"""Prompt: an async client that fetches invoices from a partner API over HTTPS (httpx and aiohttp)."""
import os
import ssl

import aiohttp
import httpx

PARTNER = "https://partner.example.com/api"
CLIENT_OPTIONS = {"timeout": 10, "verify": False}


async def fetch_invoices() -> list:
    # expect: VC404
    async with httpx.AsyncClient(**CLIENT_OPTIONS) as client:
        resp = await client.get(f"{PARTNER}/invoices")
        resp.raise_for_status()
        return resp.json()


def partner_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    # expect: VC404
    context.check_hostname = False
    # expect: VC404
    context.verify_mode = ssl.CERT_NONE
    return context


async def fetch_statements() -> list:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        # expect: VC404
        async with session.get(f"{PARTNER}/statements", ssl=False) as resp:
            resp.raise_for_status()
            return await resp.json()


async def fetch_invoices_safe() -> list:
    # ok: VC404
    async with httpx.AsyncClient(timeout=10, verify=os.environ.get("PARTNER_CA_BUNDLE", True)) as client:
        resp = await client.get(f"{PARTNER}/invoices")
        resp.raise_for_status()
        return resp.json()


async def fetch_statements_safe() -> list:
    context = ssl.create_default_context(cafile=os.environ.get("PARTNER_CA_BUNDLE"))
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        # ok: VC404
        async with session.get(f"{PARTNER}/statements", ssl=context) as resp:
            resp.raise_for_status()
            return await resp.json()
