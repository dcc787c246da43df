"""Per-node gates: a bandit check is asked about a node only when the first test it makes there can pass.

Most of bandit's call checks begin by comparing the call's de-aliased name (`context["qualname"]`, which bandit's
`visit_Call` resolves through the file's imports: `from subprocess import Popen as P` makes `P(...)` a
`subprocess.Popen`) with a few names from their config, then build the call's argument values, for every call
of the file: on Django that was most of the bandit stage's check time, for no finding. A gate repeats that first
test, read from the check's own config, and skips the check (and its context) where it fails; where a config
is not the shape the check reads (a missing key, a string for a list), there is no gate and the check runs,
failing as bandit would.

A gate that reads only the call's name is a `CallNameGate`: its answer is the same for every call of that name, so
the tester asks it once per name and check table, not once per call (`vibecheck.integrations.bandit`).

Each gate restates a line of bandit's source, so it is trusted only for the bandit files it was read from:
`gate_for` gives no gate when a file in `VERIFIED` differs from the installed one (another bandit version),
and tests/integrations/test_bandit_gates.py fails then, asking for the gates to be read again.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeGuard

Gate = Callable[[dict[str, Any]], bool]

# sha256 of the bandit files the gates restate (read in bandit 1.9.4): each check's module, and the context whose
# properties the checks read (`call_function_name_qual` is `context["qualname"]`, `string_val` is `context["str"]`),
# the visitor whose `visit_Constant` `vibecheck.integrations.bandit_visitor` restates, and (below) the other plugins
# and the helpers they call, read for the links they follow.
# Pairs, not a dict display: a module named `..._password` keyed to a hex string reads as a credential to VC403.
VERIFIED_RELEASE = "1.9.4"
VERIFIED: dict[str, str] = dict((
    ("bandit.core.context",
     "dbba8fa2070465c1dd4d5d81c869c1a49b28ecaafc6f039b939ae7ba71aaaceb"),
    ("bandit.core.node_visitor",
     "1ec4921372a72b12df4bfe7b84afd50e07c2b9de8bbe303fc6b699e7cacc99d8"),
    ("bandit.plugins.app_debug",
     "d19a7e0d388b9eebc5fa39592a10842bef58cd131c51cec94ba9b1595d358457"),
    ("bandit.plugins.crypto_request_no_cert_validation",
     "03211280167b26dce279e2539d15eed249277fba20d41e4623eeae03790b6e5b"),
    ("bandit.plugins.django_sql_injection",
     "898340594fa3d034608f9ac337bb1ba16bf1726d9cce6d22f3ce3d37ab7321dc"),
    ("bandit.plugins.django_xss",
     "1ce50093ac3694c17a44db19b323fb8bfd6a6b8889197836124fcd8b6f23a10e"),
    ("bandit.plugins.exec",
     "e64a2c4a6808f18d9733867fe61c08abb5914e67697c333913bb97613686c60a"),
    ("bandit.plugins.general_bind_all_interfaces",
     "327f180647c5e50c21c7541130707ee47367ce14789de3f4948ffa2f242be068"),
    ("bandit.plugins.general_bad_file_permissions",
     "f13e7d08ff9a96e06d5e441dcb24099631622ef2b8c95232ddf0d2820c39dc48"),
    ("bandit.plugins.general_hardcoded_password",
     "605938fb5ddaf5db8236de6b67456e8ffe1ad5738e157606edcfc380f20aa548"),
    ("bandit.plugins.general_hardcoded_tmp",
     "3a30d981ba19175f3a44ad77dc6424b11a809277813f5e0bc67067f3c2928e3b"),
    ("bandit.plugins.hashlib_insecure_functions",
     "f9c6092942dacdbceac0e72afae00693912f0cc3531dcf410ae6ebde5e141c96"),
    ("bandit.plugins.injection_shell",
     "66c49c2d001bca4d12433c34f8f93b9330b168462d0bc0ffe154734dcedc27c9"),
    ("bandit.plugins.injection_wildcard",
     "19e1c9721a03c542ee68b782c4cc98b89af15530b5bf1f24e894ac5e6e410c53"),
    ("bandit.plugins.injection_sql",
     "51bdc4d629fdf3436202a1d78ff5ef0fa659b1dfab96d64aa988630e30eab655"),
    ("bandit.plugins.insecure_ssl_tls",
     "56b47dab23b263ba35513070f85c34e866c4f3b48ee300ff8f5dbb7ab55f0cb4"),
    ("bandit.plugins.logging_config_insecure_listen",
     "5330ed2d3888c119eaa4f8cf2196ddb586f7d814f91398768610b6fa6f64c465"),
    ("bandit.plugins.markupsafe_markup_xss",
     "4131705def7d30adba32d1049a7ead94d772f688d063404c64dbca319ddc0168"),
    ("bandit.plugins.request_without_timeout",
     "20969d3c2c1054401767787762c720be00c8cddac7334fe3a3362244ddf49321"),
    ("bandit.plugins.weak_cryptographic_key",
     "4861f760cdcb881adc9ae3b41a39d0b990959b8d9dd82ebc9757462ad9f035bf"),
    # read for where their checks follow the tree's links (`vibecheck.integrations.bandit_visitor.TreeLinks`)
    ("bandit.core.blacklisting",
     "01c5765defe0166a911537b3bed3b10d4bf6cfaaf8bf799c5e183adcc1d0f397"),
    ("bandit.core.utils",
     "86483ddab8e9b989714a560988d3445d0dbf3add3bfb191ca158623717666de8"),
    ("bandit.plugins.asserts",
     "88e3f95918dda4573c8fada922443f731f8b6035b5692bfcaa97dd53bf00a175"),
    ("bandit.plugins.huggingface_unsafe_download",
     "a24f93d9ec6f060f409c66ac989112ac9b2dd2e165bc36ab4d52366a9e8553e6"),
    ("bandit.plugins.injection_paramiko",
     "6c06ea1fee021d06358214298e5724f8f97c0caab81ba8c9a004026373d2cd8c"),
    ("bandit.plugins.jinja2_templates",
     "e7ed213dc26a9be4c77199f8e024917aaf7fa32f189bd406fd837ebf3bf78618"),
    ("bandit.plugins.mako_templates",
     "1c1871b687e8d6019df1d28fc5a849d442e5bfad0d62b9f4adc5f807e318b693"),
    ("bandit.plugins.pytorch_load",
     "c83cc5727d7b3a79104869fc7d0f19ce840d2ffb605059fdedd54503ecb515e3"),
    ("bandit.plugins.snmp_security_check",
     "b537689d174a30ab3946ae28e0e5b39d6e3fae39dad948674ad34b653286e7c2"),
    ("bandit.plugins.ssh_no_host_key_verification",
     "d45ab1e64e60b4bbe75a4e06cfb6d05f0ab1e133b12335066bea2e60140636c2"),
    ("bandit.plugins.tarfile_unsafe_members",
     "f952acad2d3a21d1f835f6d74e9862e9de0052d92310b240b992077d0c932b0f"),
    ("bandit.plugins.trojansource",
     "5beb762d14988680c493dae54a760774f8604a93754c4c4d9ebb8c18c876d936"),
    ("bandit.plugins.try_except_continue",
     "2be56b412fd89e27c5c33e460b52c05331874db6e1f66f8b1ee0da2708004b9a"),
    ("bandit.plugins.try_except_pass",
     "0f03e28b389c7285ad804f3a684994f6668a5b55bc26e271a8e967ba67b59e2b"),
    ("bandit.plugins.yaml_load",
     "6ce7c264139c49707700020d25bbaf70790779ba3eab2332038d79e4b827c768"),
))
_CONTEXT = "bandit.core.context"

_SHELL_LISTS = ("subprocess", "shell", "no_shell")  # the `shell_injection` config's lists of call names
_SSL_KEYWORDS = frozenset({"method", "ssl_version"})  # the keywords B502 reads a protocol version from
_MARKUP_CALLS = frozenset({"markupsafe.Markup", "flask.Markup"})  # B704's own names, before `extend_markup_names`
_DEFAULT_TMP_DIRS = ("/tmp", "/var/tmp", "/dev/shm")  # B108's own, for a config without `tmp_dirs`  # nosec B108
_ALL_INTERFACES = "0.0.0.0"  # nosec B104 -- the one string B104 reports
# Where B105 looks for a password-like name beside a string: the statement assigning it, the dict it keys, the
# subscript it indexes, the comparison it is an operand of (`ast.Index`, bandit's fifth, is never made on 3.9+).
_PASSWORD_PARENTS = (ast.Assign, ast.Dict, ast.Subscript, ast.Compare)
# B505's key generators: the only calls whose key size it reads.
_KEY_GENERATORS = frozenset({
    "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key",
    "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key",
    "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key",
    "Crypto.PublicKey.DSA.generate", "Crypto.PublicKey.RSA.generate",
    "Cryptodome.PublicKey.DSA.generate", "Cryptodome.PublicKey.RSA.generate",
})
_HTTP_CLIENTS = frozenset({"requests", "httpx"})  # the first part of a call B113 and B501 read further
_SAFE_STRINGS = frozenset({"mark_safe", "SafeText", "SafeUnicode", "SafeString", "SafeBytes"})  # B703's
_HASH_MODULES = frozenset({"hashlib", "crypt"})  # B324 reads a call with one of them in its dotted name
_SQL_FORMATTERS = frozenset({"format", "replace"})  # B608 reads a string these methods are called on


def gate_for(test_id: str, module: str, config: Any) -> Gate | None:
    """The gate of a check (`test_id`, defined in `module`) with this config, or None: the check always runs."""
    maker = _MAKERS.get(test_id)
    if maker is None or module not in VERIFIED or not (verified(_CONTEXT) and verified(module)):
        return None
    return maker(config)


@cache
def verified(module: str) -> bool:
    """The installed file of `module` is the one its gates were read from."""
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return False
    try:
        data = Path(spec.origin).read_bytes()
    except OSError:  # not a file (bandit imported from a zip): not verified, so no gate
        return False
    return hashlib.sha256(data).hexdigest() == VERIFIED.get(module)


def _names(config: Any, *keys: str) -> frozenset[str] | None:
    """The names listed under `keys` of a check's config, or None when one is missing or not a list of names."""
    if not isinstance(config, dict):
        return None
    found: set[str] = set()
    for key in keys:
        listed = config.get(key)
        if not _is_name_list(listed):
            return None
        found.update(listed)
    return frozenset(found)


def _is_name_list(value: Any) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(name, str) for name in value)


@dataclass(frozen=True)
class CallNameGate:
    """A gate on a call's de-aliased name (`context["qualname"]`, which bandit's `visit_Call` makes for every call,
    the last part of which is `context["name"]`): the check runs where `test(qualname)` passes, and elsewhere only
    where `otherwise` (a gate on the node) passes, if there is one (a name that is not text, never made by bandit's
    `visit_Call`, passes)."""

    test: Callable[[str], bool]
    otherwise: Gate | None = None

    def __call__(self, context: dict[str, Any]) -> bool:
        name = context.get("qualname")
        return not isinstance(name, str) or self.test(name) or (self.otherwise is not None and self.otherwise(context))


def _called_one_of(names: frozenset[str] | None) -> CallNameGate | None:
    return None if names is None else CallNameGate(names.__contains__)


def _shell_lists(*keys: str) -> Callable[[Any], Gate | None]:
    """B602, B603, B605, B606, B607, B609 report only a call named in their `shell_injection` lists
    (`if config and context.call_function_name_qual in config["subprocess"]`, ...)."""
    return lambda config: _called_one_of(_names(config, *keys))


def _ssl_keywords(config: Any) -> Gate | None:
    """B502 reports only a `method=` or `ssl_version=` keyword whose value is a bad protocol."""
    if not isinstance(config, dict) or "bad_protocol_versions" not in config:
        return None  # the check reads the key first: let it fail as bandit's does
    return lambda context: any(keyword.arg in _SSL_KEYWORDS for keyword in context["node"].keywords)


def _markup(config: Any) -> Gate | None:
    """B704 returns at once for a call named neither `markupsafe.Markup`, `flask.Markup` nor in `extend_markup_names`."""
    if not isinstance(config, dict):
        return None
    extra = config.get("extend_markup_names", [])
    return _called_one_of(_MARKUP_CALLS | frozenset(extra)) if _is_name_list(extra) else None


def _has_defaults(context: dict[str, Any]) -> bool:
    """B107 and B503 read the function's positional defaults (`args.defaults`) only."""
    return bool(context["node"].args.defaults)


def _ssl_defaults(config: Any) -> Gate | None:
    if not isinstance(config, dict) or "bad_protocol_versions" not in config:
        return None
    return _has_defaults


def _tmp_prefix(config: Any) -> Gate | None:
    """B108: the string starts with one of `tmp_dirs` (bandit's own three when the config has none)."""
    if config is None or (isinstance(config, dict) and "tmp_dirs" not in config):
        prefixes: tuple[str, ...] = _DEFAULT_TMP_DIRS
    elif isinstance(config, dict) and _is_name_list(config["tmp_dirs"]):
        prefixes = tuple(config["tmp_dirs"])
    else:
        return None
    return lambda context: context["str"].startswith(prefixes)


def _text_keyword(context: dict[str, Any]) -> bool:
    """B106 reads only the keywords given a string literal (`connect(password="...")`)."""
    return any(isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str)
               for keyword in context["node"].keywords)


def _password_place(context: dict[str, Any]) -> bool:
    return isinstance(context["node"]._bandit_parent, _PASSWORD_PARENTS)


def _all_interfaces(context: dict[str, Any]) -> bool:
    return context["str"] == _ALL_INTERFACES


def _last_part(test: Callable[[str], bool]) -> CallNameGate:
    """A gate on the last part of the call's name (`context.call_function_name`, bandit's `qualname.split(".")[-1]`)."""
    return CallNameGate(lambda qualname: test(qualname.rpartition(".")[2]))


def _sql_place(context: dict[str, Any]) -> bool:
    """B608 builds the statement it searches only for a string in a `+`/`%` chain, one that `.format` or `.replace`
    is called on, or the first literal part of an f-string; any other string gives it "" (no finding)."""
    node = context["node"]
    parent = node._bandit_parent
    if isinstance(parent, ast.BinOp):
        return True
    if isinstance(parent, ast.Attribute):
        return parent.attr in _SQL_FORMATTERS
    if isinstance(parent, ast.JoinedStr):
        first = next((part for part in parent.values if isinstance(part, ast.Constant) and isinstance(part.value, str)),
                     None)
        return first is node
    return False


_MAKERS: dict[str, Callable[[Any], Gate | None]] = {
    "B102": lambda config: CallNameGate("exec".__eq__),
    "B103": lambda config: _last_part(lambda name: "chmod" in name),
    "B104": lambda config: _all_interfaces,
    "B105": lambda config: _password_place,
    "B106": lambda config: _text_keyword,
    "B107": lambda config: _has_defaults,
    "B108": _tmp_prefix,
    "B113": lambda config: CallNameGate(lambda name: name.split(".")[0] in _HTTP_CLIENTS),
    "B201": lambda config: CallNameGate(lambda name: name.endswith(".run")),
    "B324": lambda config: CallNameGate(lambda name: not _HASH_MODULES.isdisjoint(name.split("."))),
    "B501": lambda config: CallNameGate(lambda name: name.split(".")[0] in _HTTP_CLIENTS),
    "B502": _ssl_keywords,
    "B503": _ssl_defaults,
    "B505": lambda config: CallNameGate(_KEY_GENERATORS.__contains__),
    "B602": _shell_lists("subprocess"),
    "B603": _shell_lists("subprocess"),
    "B605": _shell_lists("shell"),
    "B606": _shell_lists("no_shell"),
    "B607": _shell_lists(*_SHELL_LISTS),
    "B608": lambda config: _sql_place,
    "B609": _shell_lists("shell", "subprocess"),
    "B610": lambda config: _last_part(lambda name: name == "extra"),  # `QuerySet.extra`
    "B611": lambda config: _last_part(lambda name: name == "RawSQL"),
    "B612": lambda config: CallNameGate(lambda name: name == "logging.config.listen"),
    "B703": lambda config: _last_part(_SAFE_STRINGS.__contains__),
    "B704": _markup,
}
