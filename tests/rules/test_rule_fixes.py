"""Rule fixes beyond their corpora: the spellings they handle, the import they add, no fix where guessing is unsafe."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from vibecheck.fixes import apply_edits
from vibecheck.rules.agent_artefacts.debug_leftover import DebugLeftover
from vibecheck.rules.auth.debug_mode_in_production import DebugModeInProduction
from vibecheck.rules.auth.hardcoded_secret_key import HardcodedSecretKey
from vibecheck.rules.auth.insecure_random_token import InsecureRandomToken
from vibecheck.rules.auth.jwt_signature_not_verified import JwtSignatureNotVerified
from vibecheck.rules.auth.secret_compared_with_equals import SecretComparedWithEquals
from vibecheck.rules.error_handling.http_call_without_timeout import HttpCallWithoutTimeout
from vibecheck.rules.error_handling.subprocess_unchecked import SubprocessUnchecked
from vibecheck.rules.security.hardcoded_credential import HardcodedCredential
from vibecheck.rules.security.tls_verification_disabled import TlsVerificationDisabled
from vibecheck.rules.security.unsafe_deserialization import UnsafeDeserialization
from vibecheck.testing import findings_for


def fixed(rule: type, source: str, path: str = "app.py") -> str:
    """The source after one finding's fix (there must be exactly one fixable finding), checked to parse."""
    source = textwrap.dedent(source)
    fixes = [f.fix for f in findings_for(rule, source, path=path) if f.fix is not None]
    assert len(fixes) == 1, fixes
    result = apply_edits(source, fixes[0].edits)
    cst.parse_module(result)
    return result


def not_fixed(rule: type, source: str, path: str = "app.py") -> None:
    findings = findings_for(rule, textwrap.dedent(source), path=path)
    assert findings and all(f.fix is None for f in findings), findings


# The import helper, through the hard-coded secret fix (it needs `os`).
@pytest.mark.parametrize(("source", "expected"), [
    (  # among sorted stdlib imports, after the docstring and the __future__ import
        '''\
        """Settings."""

        from __future__ import annotations

        import json
        import sys

        import requests

        SECRET_KEY = "k9.Xq7.Zt2!vB-prod"
        ''',
        '''\
        """Settings."""

        from __future__ import annotations

        import json
        import os
        import sys

        import requests

        SECRET_KEY = os.environ["SECRET_KEY"]
        ''',
    ),
    (  # before the first stdlib import when all sort after it
        'import re\nimport sys\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
        'import os\nimport re\nimport sys\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    ),
    (  # only third-party imports: a section of its own before them
        'from flask import Flask\n\napp = Flask(__name__)\napp.secret_key = "k9.Xq7.Zt2!vB-prod"\n',
        'import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.secret_key = os.environ["SECRET_KEY"]\n',
    ),
    (  # no import at all: after the docstring
        '"""Config."""\n\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
        '"""Config."""\n\nimport os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    ),
    (  # already imported: nothing added
        'import os\n\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
        'import os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    ),
    (  # imported under an alias: the alias is used
        'import os as _os\n\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
        'import os as _os\n\nSECRET_KEY = _os.environ["SECRET_KEY"]\n',
    ),
    (  # `from os import environ`: used as it is
        'from os import environ\n\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
        'from os import environ\n\nSECRET_KEY = environ["SECRET_KEY"]\n',
    ),
    (  # only imported inside a function: a module-level import is added
        'def setup():\n    import os\n\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
        'import os\n\ndef setup():\n    import os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    ),
])
def test_import_is_added_once_in_the_right_block(source: str, expected: str) -> None:
    assert fixed(HardcodedSecretKey, source) == textwrap.dedent(expected)


@pytest.mark.parametrize("source", [
    'def connect(os):\n    SECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',  # a parameter named os
    'from services import os\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',  # another module bound to the name
    'os = load()\nSECRET_KEY = "k9.Xq7.Zt2!vB-prod"\n',
])
def test_no_fix_where_the_import_would_shadow_a_local_name(source: str) -> None:
    not_fixed(HardcodedSecretKey, source)


def test_hardcoded_credential_reads_the_environment_under_the_upper_snake_name() -> None:
    assert fixed(HardcodedCredential, 'import requests\n\ndbPassword = "Tr0ub4dor&3-prod"\n') == (
        'import os\n\nimport requests\n\ndbPassword = os.environ["DB_PASSWORD"]\n')
    assert fixed(HardcodedCredential, 'import os\nPW = os.getenv("DB_PASSWORD", "Tr0ub4dor&3-prod")\n') == (
        'import os\nPW = os.environ["DB_PASSWORD"]\n')
    not_fixed(HardcodedCredential, 'def connect(password="Tr0ub4dor&3-prod"):\n    return password\n')


def test_secret_comparison_uses_compare_digest_and_keeps_the_parentheses() -> None:
    assert fixed(SecretComparedWithEquals, "def ok(token, expected):\n    return (token != expected)\n") == (
        "import hmac\n\ndef ok(token, expected):\n    return (not hmac.compare_digest(token, expected))\n")
    assert fixed(SecretComparedWithEquals, "from hmac import compare_digest\n\n"
                 "def ok(signature, expected):\n    return signature == expected\n") == (
        "from hmac import compare_digest\n\ndef ok(signature, expected):\n    return compare_digest(signature, expected)\n")
    not_fixed(SecretComparedWithEquals, "def ok(hmac, token, expected):\n    return token == expected\n")


@pytest.mark.parametrize(("call", "expected"), [
    ("random.choice(ALPHABET)", "secrets.choice(ALPHABET)"),
    ("random.randint(0, 9)", "secrets.randbelow(10)"),
    ("random.randint(low, high)", "secrets.randbelow(high - low + 1) + low"),
    ("random.randint(low + 1, 2 * high)", "secrets.randbelow((2 * high) - (low + 1) + 1) + (low + 1)"),
    ("random.randrange(2 ** 64)", "secrets.randbelow(2 ** 64)"),
    ("random.getrandbits(128)", "secrets.randbits(128)"),
    ("random.choices(string.ascii_letters + string.digits, k=32)",
     "[secrets.choice(string.ascii_letters + string.digits) for _ in range(32)]"),
])
def test_random_calls_become_secrets_calls(call: str, expected: str) -> None:
    source = f"import random\nimport string\n\nreset_token = {call}\n"
    assert fixed(InsecureRandomToken, source) == f"import random\nimport secrets\nimport string\n\nreset_token = {expected}\n"


def test_random_fix_spellings_and_no_fix_cases() -> None:
    assert fixed(InsecureRandomToken, "from random import randint as r\n\notp = r(1, 6) * 2\n") == (
        "import secrets\nfrom random import randint as r\n\notp = (secrets.randbelow(6) + 1) * 2\n")
    not_fixed(InsecureRandomToken, "import random\n\nsecrets = {}\nreset_token = random.choice(ALPHABET)\n")
    not_fixed(InsecureRandomToken, "import numpy\n\nreset_token = numpy.random.bytes(16)\n")


@pytest.mark.parametrize(("source", "expected"), [  # no exact `secrets` function: the OS generator's same method
    ("from random import sample\n\npassword = ''.join(sample(ALPHABET, 12))\n",
     "import secrets\nfrom random import sample\n\npassword = ''.join(secrets.SystemRandom().sample(ALPHABET, 12))\n"),
    ("import random\n\nreset_token = random.choices(alphabet(), k=8)\n",
     "import random\nimport secrets\n\nreset_token = secrets.SystemRandom().choices(alphabet(), k=8)\n"),
    ("import random\nimport secrets\n\ndef make_password(chars):\n    random.shuffle(chars)\n    return ''.join(chars)\n",
     "import random\nimport secrets\n\ndef make_password(chars):\n    secrets.SystemRandom().shuffle(chars)\n"
     "    return ''.join(chars)\n"),
])
def test_other_random_calls_use_the_system_generator(source: str, expected: str) -> None:
    assert fixed(InsecureRandomToken, source) == expected


def test_subprocess_check_is_added_after_the_last_argument() -> None:
    assert fixed(SubprocessUnchecked, "from subprocess import run\n\nrun(['make'],)\n") == (
        "from subprocess import run\n\nrun(['make'], check=True,)\n")


def test_debug_flag_is_read_from_the_environment() -> None:
    assert fixed(DebugModeInProduction, "from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)\n") == (
        'import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n')
    not_fixed(DebugModeInProduction, 'import os\n\nDEBUG = os.getenv("DEBUG", "True") == "True"\nALLOWED_HOSTS = []\n',
              path="settings.py")


def test_debugger_lines_are_deleted_or_become_pass() -> None:
    assert fixed(DebugLeftover, "def f(x):\n    breakpoint()\n    return x\n") == "def f(x):\n    return x\n"
    assert fixed(DebugLeftover, "def f(x):\n    if x: breakpoint()\n    return x\n") == (
        "def f(x):\n    if x: pass\n    return x\n")
    assert fixed(DebugLeftover, "def f(x):\n    import pdb; pdb.set_trace()\n") == "def f(x):\n    pass\n"
    not_fixed(DebugLeftover, "def f(x):\n    ic(load(x))\n    return x\n")  # the argument has a side effect


def test_jwt_algorithm_comes_from_the_files_encode_calls() -> None:
    source = """\
        import jwt
        from app.config import settings

        def issue(claims):
            return jwt.encode(claims, settings.SECRET_KEY, algorithm=settings.JWT_ALGORITHM)

        def read(token):
            return jwt.decode(token, settings.SECRET_KEY, verify=False)
        """
    assert fixed(JwtSignatureNotVerified, source).splitlines()[-1] == (
        "    return jwt.decode(token, settings.SECRET_KEY, algorithms=[settings.JWT_ALGORITHM])")
    default = ("import jwt as pyjwt\n\ndef a(c, k):\n    return pyjwt.encode(c, k)\n\n"
               "def b(t, k):\n    return pyjwt.decode(t, k)\n")
    assert fixed(JwtSignatureNotVerified, default).splitlines()[-1] == '    return pyjwt.decode(t, k, algorithms=["HS256"])'
    spelled = default.replace("pyjwt.encode(c, k)", 'pyjwt.encode(c, k, algorithm="EdDSA")')  # names are case-sensitive
    assert fixed(JwtSignatureNotVerified, spelled).splitlines()[-1] == '    return pyjwt.decode(t, k, algorithms=["EdDSA"])'


def test_jwt_algorithm_constant_is_named_and_none_is_dropped_from_literals() -> None:
    source = 'import jwt\nJWT_ALGORITHM = "RS256"\n\ndef read(token, key):\n    return jwt.decode(token, key)\n'
    assert fixed(JwtSignatureNotVerified, source).splitlines()[-1] == (
        "    return jwt.decode(token, key, algorithms=[JWT_ALGORITHM])")
    tuple_with_none = 'import jwt\n\ndef read(t, k):\n    return jwt.decode(t, k, algorithms=("none", "RS256"))\n'
    assert fixed(JwtSignatureNotVerified, tuple_with_none).splitlines()[-1] == (
        '    return jwt.decode(t, k, algorithms=("RS256",))')
    pyjwt_one = 'import jwt\nALGORITHM = "HS256"\n\ndef read(t, k):\n    return jwt.decode(t, k, False)\n'  # `verify`
    assert fixed(JwtSignatureNotVerified, pyjwt_one).splitlines()[-1] == "    return jwt.decode(t, k, algorithms=[ALGORITHM])"


@pytest.mark.parametrize("source", [
    "import jwt\n\ndef read(token, key):\n    return jwt.decode(token, key)\n",  # no algorithm anywhere in the file
    "import jwt\n\ndef a(c, k, alg):\n    return jwt.encode(c, k, algorithm=alg)\n\n"
    "def b(t, k):\n    return jwt.decode(t, k)\n",  # signed with a parameter
    'import jwt\nALGORITHM = "HS256"\n\ndef read(token):\n    return jwt.decode(token, options={"verify_signature": False})\n',
    # two constants that disagree
    'import jwt\nALGORITHM = "HS256"\nJWT_ALGORITHMS = ["RS256"]\n\ndef read(t, k):\n    return jwt.decode(t, k)\n',
    'import jwt\nALGORITHM = "HS256"\n\ndef read(t, k, ALGORITHM):\n    return jwt.decode(t, k)\n',  # shadowed
    'import jwt\nALGORITHM = "HS256"\n\ndef read(t, k):\n    return jwt.decode(t, k, algorithms=["HS256", "RS256"])\n',
    'import jwt\nALGORITHM = "HS256"\nclaims = jwt.decode(TOKEN, KEY)\n',  # module level: may run before it is bound
    'import jwt\nALGORITHM = "HS256"\n\ndef read(t, k, **kw):\n    return jwt.decode(t, k, verify=False, **kw)\n',
    'import jwt\nALGORITHM = "HS256"\n\ndef read(t, k):\n    return jwt.decode(t, k, False, OPTIONS)\n',  # positional after
])
def test_jwt_is_not_fixed_when_the_algorithm_or_key_is_unknown(source: str) -> None:
    not_fixed(JwtSignatureNotVerified, source)


def test_jwt_options_lose_only_the_signature_switch() -> None:
    source = ('import jwt\nALGORITHMS = ["RS256"]\n\ndef read(token, key):\n'
              '    return jwt.decode(token, key, algorithms=ALGORITHMS,\n'
              '                      options=dict(verify_signature=False, verify_aud=False))\n')
    assert fixed(JwtSignatureNotVerified, source).splitlines()[-1] == '                      options=dict(verify_aud=False))'


@pytest.mark.parametrize(("source", "expected"), [
    (  # a new logger after the leading imports, `import logging` in sorted place; `%` doubled
        'import json\nimport os\n\nimport requests\n\n\ndef save(x):\n    print("Saved", x, "at 100%")\n    print(x)\n',
        'import json\nimport logging\nimport os\n\nimport requests\n\nlogger = logging.getLogger(__name__)\n\n\n'
        'def save(x):\n    logger.info("Saved %s at 100%%", x)\n    logger.info("%s", x)\n',
    ),
    (  # no import at all: both after the docstring, in one insertion
        '"""Doc."""\n\n\ndef f(x):\n    print("x =", x, sep="")\n',
        '"""Doc."""\n\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef f(x):\n    logger.info("x =%s", x)\n',
    ),
    (  # logging under an alias; the level from the message's first word
        'import logging as lg\n\nX = 1\n\ndef f(x):\n    print("Warning: low", x)\n',
        'import logging as lg\n\nlogger = lg.getLogger(__name__)\n\nX = 1\n\n'
        'def f(x):\n    logger.warning("Warning: low %s", x)\n',
    ),
    (  # the file's own logger; an error printed in an `except` block keeps its traceback
        'import logging\n\nlog = logging.getLogger("app")\n\ndef f():\n    try:\n        go()\n    except OSError as e:\n'
        '        print(f"cannot go: {e}")\n        cleanup()\n',
        'import logging\n\nlog = logging.getLogger("app")\n\ndef f():\n    try:\n        go()\n    except OSError as e:\n'
        '        log.exception(f"cannot go: {e}")\n        cleanup()\n',
    ),
    (  # text built from a literal is the message as it is (logging formats nothing without arguments)
        'import os\n\ndef f(name):\n    print("Saving %s ..." % name, end="")\n    print("{} done".format(name))\n',
        'import logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\ndef f(name):\n'
        '    logger.info("Saving %s ..." % name)\n    logger.info("{} done".format(name))\n',
    ),
    (  # in a function named for debugging, debug output
        'import logging\n\nlog = logging.getLogger(__name__)\n\ndef _debug_schema(fields):\n    print(fields)\n',
        'import logging\n\nlog = logging.getLogger(__name__)\n\ndef _debug_schema(fields):\n    log.debug("%s", fields)\n',
    ),
    (  # `print(*args)` has no exact log call: the other prints of the function are still converted
        'import sys\n\ndef f(x):\n    print(x, flush=True)\n    print(*x)\n',
        'import logging\nimport sys\n\nlogger = logging.getLogger(__name__)\n\n'
        'def f(x):\n    logger.info("%s", x)\n    print(*x)\n',
    ),
])
def test_prints_become_calls_on_the_module_logger(source: str, expected: str) -> None:
    assert fixed(DebugLeftover, source) == expected


@pytest.mark.parametrize("source", [
    'import json\n\ndef f(logger):\n    print(x)\n',  # `logger` names something else here
    'import logging\nprint("start")\nlog = logging.getLogger(__name__)\n',  # would run before the logger exists
    'from app import logging\n\ndef f(x):\n    print(x)\n',  # `logging` is not the standard library's
    'from .common import *\n\ndef f(x):\n    logger.debug(x)\n    print(x)\n',  # `logger` from a star import
    'def f(x):\n    print()\n    print(x, sep=SEP)\n',  # an empty line; a separator not written here
])
def test_prints_without_an_exact_log_call_are_not_fixed(source: str) -> None:
    not_fixed(DebugLeftover, source)


def test_a_handler_that_only_prints_is_left_to_its_author() -> None:
    only_prints = "def f(job):\n    try:\n        job.run()\n    except OSError as e:\n        print(e)\n        return None\n"
    not_fixed(DebugLeftover, only_prints)
    re_raises = only_prints.replace("return None", "raise")
    assert fixed(DebugLeftover, re_raises).endswith('        logger.exception("%s", e)\n        raise\n')


def test_aiohttp_timeout_is_spelled_through_the_files_own_import() -> None:
    by_name = "from aiohttp import ClientSession, ClientTimeout\n\nsession = ClientSession()\n"
    assert fixed(HttpCallWithoutTimeout, by_name).endswith(
        "session = ClientSession(timeout=ClientTimeout(sock_connect=10, sock_read=10))\n")
    aliased = "import aiohttp as http\n\nsession = http.ClientSession(base_url)\n"
    assert fixed(HttpCallWithoutTimeout, aliased).endswith(
        "session = http.ClientSession(base_url, timeout=http.ClientTimeout(sock_connect=10, sock_read=10))\n")
    not_fixed(HttpCallWithoutTimeout, "from aiohttp import ClientSession\n\nsession = ClientSession()\n")


def test_session_verify_false_is_deleted_or_becomes_pass() -> None:
    source = "from requests import Session\n\nwith Session() as s:\n    s.verify = False\n"
    assert fixed(TlsVerificationDisabled, source) == "from requests import Session\n\nwith Session() as s:\n    pass\n"
    kept = "import requests\n\ns = requests.Session()\ns.verify = False\ns.get(URL, timeout=5)\n"
    assert fixed(TlsVerificationDisabled, kept) == "import requests\n\ns = requests.Session()\ns.get(URL, timeout=5)\n"
    not_fixed(TlsVerificationDisabled, "import requests\n\ns = requests.Session()\ns.verify = False; s.trust_env = False\n")


def test_yaml_load_imported_by_name_is_fixed_in_its_import_with_all_its_calls() -> None:
    source = ("from yaml import dump, load\n\ndef read(a, b):\n    return load(a), load(b, Loader=FullLoader)\n"
              "\nfrom yaml import FullLoader\n")
    findings = findings_for(UnsafeDeserialization, source, path="app.py")
    assert len(findings) == 2 and findings[0].fix == findings[1].fix is not None  # one fix: all or nothing
    assert apply_edits(source, findings[0].fix.edits) == (
        "from yaml import dump, safe_load\n\ndef read(a, b):\n    return safe_load(a), safe_load(b)\n"
        "\nfrom yaml import FullLoader\n")


@pytest.mark.parametrize("source", [
    "from yaml import load\n\nparse = load\n\ndef read(a):\n    return load(a)\n",  # also used as a value
    "from yaml import load\n\ndef read(a):\n    return load(a, Loader=ProjectLoader)\n",  # a project's loader
    "from yaml import load\n\ndef read(a):\n    return load(a)\n\ndef other():\n    load = 1\n",  # bound twice
])
def test_yaml_load_imported_by_name_is_not_fixed_when_a_use_stays(source: str) -> None:
    not_fixed(UnsafeDeserialization, source)
