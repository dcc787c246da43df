"""Prompt: fetch a user's profile from a tenant subdomain; proxy an image URL (FastAPI async)."""

import aiohttp
import requests
from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()


@app.route("/tenant-profile")
def tenant_profile():
    tenant = request.args["tenant"]
    user_id = request.args["user"]
    # expect: VC405
    resp = requests.get(f"https://{tenant}.example.com/api/users/{user_id}", timeout=5)
    # expect: VC107 -- the partner's answer is read without checking its status
    return resp.json()


@api.get("/proxy")
async def proxy(image_url: str):
    async with aiohttp.ClientSession() as session:
        # expect: VC405
        async with session.get(image_url, timeout=aiohttp.ClientTimeout(total=5)) as resp:
            resp.raise_for_status()
            return {"size": len(await resp.read())}


@api.get("/proxy-fixed")
async def proxy_fixed(image_id: int):
    async with aiohttp.ClientSession() as session:
        # ok: VC405
        async with session.get(f"https://cdn.example.com/images/{image_id}.png",
                               timeout=aiohttp.ClientTimeout(total=5)) as resp:
            resp.raise_for_status()
            return {"size": len(await resp.read())}
