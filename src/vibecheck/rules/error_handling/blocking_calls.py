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
# Clients of blocking network protocols -> their methods that wait on the network (`client = paramiko.SSHClient()`,
# then `client.connect(...)`, `client.exec_command(...)`; `with smtplib.SMTP(host) as smtp: smtp.send_message(...)`).
MAIL_METHODS = frozenset({"connect", "login", "starttls", "sendmail", "send_message"})
FTP_METHODS = frozenset({"connect", "login", "retrbinary", "retrlines", "storbinary", "storlines", "nlst", "cwd"})
BLOCKING_CLIENT_METHODS: dict[str, frozenset[str]] = {
    "paramiko.SSHClient": frozenset({"connect", "exec_command", "open_sftp", "invoke_shell"}),
    "paramiko.client.SSHClient": frozenset({"connect", "exec_command", "open_sftp", "invoke_shell"}),
    "smtplib.SMTP": MAIL_METHODS,
    "smtplib.SMTP_SSL": MAIL_METHODS,
    "ftplib.FTP": FTP_METHODS,
    "ftplib.FTP_TLS": FTP_METHODS,
}
# Clients of blocking protocols whose constructor, given a host, connects at once (`smtplib.SMTP("mail", 25)`): made in
# an `async def`, or in a plain helper one calls, they block as their methods do.
CONNECTING_CLIENTS: dict[str, str] = {
    name: "Use an async client (`aiosmtplib`, `aioftp`) or run it with `await asyncio.to_thread(...)`."
    for name in ("smtplib.SMTP", "smtplib.SMTP_SSL", "ftplib.FTP", "ftplib.FTP_TLS")
}
