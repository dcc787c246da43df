"""The calls that block an event loop, with the hint naming each one's non-blocking replacement: read by VC110 (a
call in an `async def`) and by VC112 in the project phase (a call through an imported helper), which runs without
libcst."""

from __future__ import annotations

HTTP_HINT = "Use an async client (`httpx.AsyncClient`, `aiohttp`) or run it with `await asyncio.to_thread(...)`."
# Blocking callee -> the hint naming its non-blocking replacement.
BLOCKING_CALLS: dict[str, str] = {
    "time.sleep": "Use `await asyncio.sleep(...)`.",
    **{f"subprocess.{name}": "Use `await asyncio.create_subprocess_exec(...)`, or `await asyncio.to_thread(...)`."
       for name in ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput")},
    "os.system": "Use `await asyncio.create_subprocess_shell(...)`, or `await asyncio.to_thread(...)`.",
    "urllib.request.urlopen": HTTP_HINT,
    "open": "Do the file work in `await asyncio.to_thread(...)`, or use an async file library such as `aiofiles`.",
    "io.open": "Do the file work in `await asyncio.to_thread(...)`, or use an async file library such as `aiofiles`.",
}
FILE_HINT = BLOCKING_CALLS["open"]
FILE_CALLS = frozenset({"open", "io.open"})
