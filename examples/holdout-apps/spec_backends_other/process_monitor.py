"""Process monitor (Starlette): lists the server's processes whose command matches a filter."""

import asyncio
import os
import re
import subprocess

import psutil
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ADMIN_TOKEN = os.environ["MONITOR_TOKEN"]


async def monitor_commands(request: Request) -> JSONResponse:
    body = await request.json()
    command_regex = body.get("command_regex")
    filter_flags = body.get("filter_flags", "aux")
    if not command_regex:
        return JSONResponse({"code": 400, "message": "command_regex is required"}, status_code=400)
    # expect: VC421/VC408
    # expect: VC110
    out = subprocess.check_output(f"ps {filter_flags} | grep -E '{command_regex}'", shell=True, text=True)
    processes = []
    for line in out.splitlines():
        parts = line.split(None, 10)
        if len(parts) >= 11:
            processes.append({"processId": int(parts[1]), "processString": line})
    return JSONResponse(processes)


async def monitor_commands_v2(request: Request) -> JSONResponse:
    body = await request.json()
    try:
        # expect: VC409
        pattern = re.compile(body["command_regex"])
    except (KeyError, re.error):
        return JSONResponse({"code": 400, "message": "invalid regex"}, status_code=400)
    matches = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        if pattern.search(cmdline):
            matches.append({"processId": proc.info["pid"], "processString": cmdline})
    return JSONResponse(matches)


async def kill_process(request: Request) -> JSONResponse:
    # expect: VC204
    if request.headers.get("authorization") != f"Bearer {ADMIN_TOKEN}":
        return JSONResponse({"message": "forbidden"}, status_code=403)
    pid = int(request.path_params["pid"])
    # ok: VC421/VC408
    proc = await asyncio.create_subprocess_exec("kill", "-TERM", str(pid))
    await proc.wait()
    return JSONResponse({"killed": pid, "returncode": proc.returncode})


async def disk_usage(request: Request) -> JSONResponse:
    mount = request.query_params.get("path", "/")
    # expect: VC421/VC408
    proc = await asyncio.create_subprocess_shell(f"df -h {mount}", stdout=asyncio.subprocess.PIPE)
    stdout, _ = await proc.communicate()
    return JSONResponse({"df": stdout.decode()})


app = Starlette(
    routes=[
        # expect: VC201
        Route("/monitor/commands", monitor_commands, methods=["POST"]),
        # expect: VC201
        Route("/v2/monitor/commands", monitor_commands_v2, methods=["POST"]),
        Route("/processes/{pid:int}/kill", kill_process, methods=["POST"]),
        Route("/disk", disk_usage),
    ]
)
