"""Regex search (aiohttp): finds the files below the data folder whose content matches a client's regex."""

import asyncio
import os
import re
from pathlib import Path

from aiohttp import web

DATA_DIR = Path(os.environ.get("DATA_DIR", "/data")).resolve()
MAX_PATTERN_LENGTH = 200


def search_files(root: str, pattern: re.Pattern, recursive: bool) -> list[str]:
    matches = []
    # expect: VC405/VC417
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                with open(path, encoding="utf-8", errors="ignore") as f:
                    if pattern.search(f.read()):
                        matches.append(os.path.relpath(path, root))
            except OSError:
                continue
        if not recursive:
            break
    return matches


async def search(request: web.Request) -> web.Response:
    regex = request.query.get("regex")
    directory = request.query.get("directory", "")
    recursive = request.query.get("recursive", "false").lower() == "true"
    if not regex:
        return web.json_response({"error": "regex is required"}, status=400)
    try:
        # expect: VC409
        pattern = re.compile(regex)
    except re.error as e:
        # ok: VC414
        return web.json_response({"error": f"Invalid regex: {e}"}, status=400)
    search_dir = os.path.join(str(DATA_DIR), directory)
    if not os.path.isdir(search_dir):
        return web.json_response({"error": "directory not found"}, status=400)
    files = await asyncio.to_thread(search_files, search_dir, pattern, recursive)
    return web.json_response({"files": files})


def resolve_below_data(directory: str) -> Path | None:
    candidate = (DATA_DIR / directory).resolve()
    return candidate if candidate.is_relative_to(DATA_DIR) and candidate.is_dir() else None


async def search_v2(request: web.Request) -> web.Response:
    regex = request.query.get("regex", "")
    if not regex or len(regex) > MAX_PATTERN_LENGTH:
        return web.json_response({"error": "regex is required (at most 200 characters)"}, status=400)
    # ok: VC405
    search_dir = resolve_below_data(request.query.get("directory", ""))
    if search_dir is None:
        return web.json_response({"error": "directory not found"}, status=400)
    proc = await asyncio.create_subprocess_exec(
        # ok: VC421/VC408
        "grep", "-rlE", "--", regex, str(search_dir),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        stdout, _ = await asyncio.wait_for(proc.communicate(), timeout=5)
    except asyncio.TimeoutError:
        proc.kill()
        return web.json_response({"error": "search took too long"}, status=422)
    files = [os.path.relpath(line, search_dir) for line in stdout.decode().splitlines()]
    return web.json_response({"files": files})


async def grep_legacy(request: web.Request) -> web.Response:
    body = await request.json()
    search_dir = resolve_below_data(body.get("directory", ""))
    if search_dir is None:
        return web.json_response({"error": "directory not found"}, status=400)
    # expect: VC421/VC408
    proc = await asyncio.create_subprocess_shell(
        f"grep -rlE '{body['regex']}' {search_dir}",
        stdout=asyncio.subprocess.PIPE,
    )
    stdout, _ = await proc.communicate()
    return web.json_response({"files": stdout.decode().splitlines()})


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/search", search)
    app.router.add_get("/v2/search", search_v2)
    # expect: VC201
    app.router.add_post("/grep", grep_legacy)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="0.0.0.0", port=5000)
