"""What to do about each bandit finding: one imperative action per check, as data.

Bandit's own messages say what it saw ("Use of exec detected."); a guardrail must also say what to do.
Checks without an entry get a general action. Every hint ends with the suppression syntax, vibecheck's first.
"""

from __future__ import annotations

ACTIONS: dict[str, str] = {
    "B101": "Raise an exception instead of `assert` for checks that must hold in production (`python -O` strips asserts)",
    "B102": "Do not `exec` strings; call the code directly or dispatch through a dict of allowed functions",
    "B103": "Give the file owner-only permissions (e.g. `0o600` or `0o700`), not world-writable ones",
    "B104": "Bind to `127.0.0.1` or read the host from configuration instead of listening on every interface",
    "B105": "Read the password from the environment or a secret store instead of the source",
    "B106": "Pass a password read from the environment or a secret store, not a literal",
    "B107": "Give the argument no hard-coded default password; read it from configuration",
    "B108": "Create temporary files with `tempfile.mkstemp()` or `tempfile.TemporaryDirectory()`, not a fixed path",
    "B110": "Handle or log the exception instead of `pass`",
    "B112": "Handle or log the exception instead of `continue`",
    "B113": "Pass `timeout=` so a stalled server cannot hang the caller",
    "B201": "Never run Flask with `debug=True` outside a development machine",
    "B202": "Check each member's path before extracting (`tarfile` `filter=\"data\"` on Python 3.12+)",
    "B301": "Do not unpickle untrusted data; use JSON or another data-only format",
    "B303": "Use SHA-256 or stronger (`hashlib.sha256`) for anything security-related",
    "B304": "Use an authenticated modern cipher such as AES-GCM from `cryptography`",
    "B306": "Use `tempfile.mkstemp()` or `NamedTemporaryFile`, which create the file safely",
    "B307": "Use `ast.literal_eval` for literals, or parse the input explicitly; never `eval` it",
    "B308": "Escape the value or use a template with autoescaping instead of `mark_safe`",
    "B310": "Check the URL scheme (only `http`/`https`) before opening it",
    "B311": "Use `secrets` (e.g. `secrets.token_urlsafe()`) for tokens, passwords and keys",
    "B312": "Use SSH instead of telnet",
    "B314": "Parse untrusted XML with `defusedxml`",
    "B320": "Parse untrusted XML with `defusedxml.lxml` or a parser with entity resolution turned off",
    "B321": "Use SFTP/FTPS instead of plain FTP",
    "B324": "Use SHA-256 or stronger; pass `usedforsecurity=False` only where the hash protects nothing",
    "B403": "Make sure only trusted data is ever unpickled; prefer JSON for data from outside",
    "B404": "Pass a list of arguments to `subprocess` and never `shell=True` with outside input",
    "B405": "Parse untrusted XML with `defusedxml` instead of `xml.etree`",
    "B501": "Keep certificate verification on (`verify=True`, the default)",
    "B502": "Use `ssl.PROTOCOL_TLS_CLIENT` with TLS 1.2 or later",
    "B503": "Use TLS 1.2 or later as the minimum version",
    "B506": "Use `yaml.safe_load` instead of `yaml.load`",
    "B507": "Verify host keys (`RejectPolicy` or a known-hosts file) instead of `AutoAddPolicy`",
    "B601": "Quote every outside value with `shlex.quote` before it reaches the remote shell",
    "B602": "Pass a list of arguments without `shell=True`",
    "B603": "Make sure the arguments cannot come from outside input, or validate them against an allow-list",
    "B604": "Pass a list of arguments without `shell=True`",
    "B605": "Use `subprocess.run([...])` with a list of arguments instead of a shell string",
    "B606": "Make sure the program and arguments are fixed or validated",
    "B607": "Call the program by its full path",
    "B608": "Pass values as query parameters (`cursor.execute(sql, params)`) instead of building the SQL string",
    "B609": "List the files explicitly instead of a wildcard in a shell command",
    "B610": "Pass values as `params` instead of building the SQL in `extra()`",
    "B611": "Pass values as `params` instead of building the SQL in `RawSQL`",
    "B612": "Bind the logging config listener to localhost and verify what it receives",
    "B615": "Pin the model download to a commit hash with `revision=`",
    "B701": "Create the Jinja2 environment with `autoescape=True` (or `select_autoescape()`)",
    "B702": "Render Mako templates with escaping (`default_filters=['h']`)",
    "B703": "Escape the value instead of marking it safe",
    "B704": "Escape the value instead of wrapping it in `Markup`",
}
GENERAL_ACTION = "Fix what bandit's check describes (see its documentation)"


def bandit_hint(code: str) -> str:
    """The action for a bandit code, then how to suppress it with a reason where it is safe."""
    action = ACTIONS.get(code, GENERAL_ACTION)
    return (f"{action}; if it is safe here, add `# vibecheck: ignore[{code}] -- reason` "
            f"(bandit's `# nosec {code}` also works).")
