"""Auth-pack behaviour that the annotated corpora cannot show: file paths, test files, redaction, name tables."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from vibecheck import listings
from vibecheck.analysis.check_modules import check_modules_inputs
from vibecheck.analysis.helper_modules import helper_modules_inputs
from vibecheck.analysis.model_fields import sibling_models_inputs
from vibecheck.analysis.serializer_uses import serializer_uses_inputs
from vibecheck.rule import Rule
from vibecheck.rules.auth.auth_check_always_passes import AuthCheckAlwaysPasses
from vibecheck.rules.auth.auth_fails_open import AuthFailsOpen
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.rules.auth.csrf_protection_disabled import CsrfProtectionDisabled
from vibecheck.rules.auth.debug_mode_in_production import DebugModeInProduction
from vibecheck.rules.auth.hardcoded_secret_key import HardcodedSecretKey
from vibecheck.rules.auth.insecure_random_token import InsecureRandomToken
from vibecheck.rules.auth.jwt_signature_not_verified import JwtSignatureNotVerified
from vibecheck.rules.auth.mass_assignment import MassAssignment
from vibecheck.rules.auth.names import COMPARED_SECRETS, PASSWORDS, is_signing_key_name, names_any, secret_kinds
from vibecheck.rules.auth.object_lookup_not_scoped import ObjectLookupNotScopedToUser
from vibecheck.rules.auth.privilege_from_client import PrivilegeFromClient
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.auth.secret_compared_with_equals import SecretComparedWithEquals
from vibecheck.rules.auth.weak_password_hash import WeakPasswordHash
from vibecheck.testing import check_corpus, findings_for, parse_annotations

WEAK_HASHERS_FIRST = 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]\n'


@pytest.mark.parametrize(("path", "reported"), [("shop/settings.py", True), ("config/settings/production.py", True),
                                                ("config/settings/test.py", False), ("shop/test_settings.py", False),
                                                ("shop/local_settings.py", False)])
def test_a_weak_first_password_hasher_is_reported_outside_test_and_dev_settings(path: str, reported: bool) -> None:
    assert bool(findings_for(WeakPasswordHash, WEAK_HASHERS_FIRST, path=path, is_test_file=False)) is reported


@pytest.mark.parametrize("identifier", ["password", "newPassword", "user_pwd", "reset_token", "accessToken", "api_key",
                                        "X-Api-Key", "session_id", "otp", "one_time_code", "csrf_token", "signature",
                                        "provided_token", "given_password", "supplied_api_key"])
def test_secret_names_are_recognised(identifier: str) -> None:
    assert names_any(identifier, COMPARED_SECRETS)


@pytest.mark.parametrize("identifier", ["password_length", "token_type", "token_url", "is_token_valid", "tokens",
                                        "token_id", "user_id", "max_password_len", "PASSWORD_FIELD", "monkey",
                                        "access_key_given", "secret_key_given", "tokenProvided", "password_missing",
                                        "token_tenant_uuid", "api_key_guid", "htpasswd_mtime_ns", "secrets_timestamp"])
def test_metadata_about_secrets_is_not_a_secret(identifier: str) -> None:
    assert secret_kinds(identifier) == frozenset()


def test_password_kind_is_separate_from_tokens() -> None:
    assert names_any("hashed_password", PASSWORDS) and not names_any("auth_token", PASSWORDS)


@pytest.mark.parametrize(("identifier", "expected"), [("SECRET_KEY", True), ("JWT_SECRET", True), ("signing_key", True),
                                                      ("SECRET_KEY_ENV", False), ("secret_key_file", False),
                                                      ("api_url", False), ("secret_from", False),
                                                      ("key_source", False), ("secret_from_vault", True)])
def test_signing_key_names(identifier: str, expected: bool) -> None:
    assert is_signing_key_name(identifier) is expected


def test_secret_value_never_appears_in_the_report() -> None:
    [finding] = findings_for(HardcodedSecretKey, 'SECRET_KEY = "s3cr3t-value-42"\n')
    assert "s3cr3t-value-42" not in finding.message + finding.line_text + (finding.hint or "")
    assert finding.line_text == 'SECRET_KEY = "<redacted>"'


@pytest.mark.parametrize(("source", "reported"), [
    ('JWT_SECRET = config.get("JWT_SECRET", "dev_secret")\n', True),  # a dict-style lookup and its default
    ('JWT_SECRET = settings.get("jwt", "dev-secret-key")\n', True),  # a default that is no option's name
    ('JWT_SECRET = configuration.get("auth", "jwt_secret")\n', False),  # configparser's (section, option)
])
def test_a_lookups_default_is_told_from_a_configparser_option(source: str, reported: bool) -> None:
    assert bool(findings_for(HardcodedSecretKey, source)) is reported


@pytest.mark.parametrize(("source", "reported"), [
    ('APP_KEY = "AI_MEETING"\nAPP_SECRET = os.environ["APP_SECRET"]\n', []),  # the app's public id beside its secret
    ('APP_KEY = "AI_MEETING"\nSECRET_KEY = "0266a29fa1fa4e02"\n', [2]),  # the pair's secret is still reported
    ('class Client:\n    app_key = "dingxyz"\n    appSecret = os.environ["DING_SECRET"]\n', []),
    ('APP_KEY = "base64:q9Xv1yTn0Lk3m8PzR2wA"\n', [1]),  # a lone app key is the key an app signs with (Laravel's)
])
def test_an_app_key_beside_an_app_secret_is_the_apps_public_id(source: str, reported: list[int]) -> None:
    assert [f.location.start.line for f in findings_for(HardcodedSecretKey, "import os\n" + source)] == \
        [line + 1 for line in reported]


def test_hardcoded_key_in_a_test_file_is_not_reported() -> None:
    assert findings_for(HardcodedSecretKey, 'SECRET_KEY = "test-key"\n', path="tests/conftest.py", is_test_file=True) == []


@pytest.mark.parametrize("path", ["mysite/settings.py", "mysite/settings/production.py", "config.py", "conf/base.py",
                                  "devices/settings.py", "contestapp/settings.py", "circus/settings.py",
                                  "democracy/settings.py"])
def test_debug_true_in_a_settings_module(path: str) -> None:
    assert [f.code for f in findings_for(DebugModeInProduction, "DEBUG = True\n", path=path)] == ["VC211"]


@pytest.mark.parametrize("path", ["mysite/settings/dev.py", "local_settings.py", "mysite/settings/testing.py",
                                  "app/views.py", "guardian/testapp/testsettings.py", "mysite/devsettings.py",
                                  "plugin/docker/ci_settings.py", "demo/settings.py", "demo_project/settings.py",
                                  "demoapp/settings.py"])
def test_debug_true_in_dev_settings_or_ordinary_modules_is_not_reported(path: str) -> None:
    assert findings_for(DebugModeInProduction, "DEBUG = True\n", path=path) == []


def test_debug_run_in_a_dev_script_is_not_reported() -> None:
    assert findings_for(DebugModeInProduction, "app.run(debug=True)\n", path="scripts/run_dev.py") == []


SERVED_APP = """from flask import Flask
from gevent import pywsgi

app = Flask(__name__)
app.debug = True
app.config["DEBUG"] = True
server = pywsgi.WSGIServer(("", 8089), app)
"""


def test_debug_flag_of_an_app_served_without_a_debugger_is_not_reported() -> None:
    assert findings_for(DebugModeInProduction, SERVED_APP, path="web.py") == []


def test_debug_flag_of_an_app_also_started_with_its_own_server_is_reported() -> None:
    source = SERVED_APP + 'if __name__ == "__main__":\n    app.run()\n'
    assert [f.code for f in findings_for(DebugModeInProduction, source, path="web.py")] == ["VC211", "VC211"]


def test_django_allow_all_origins_without_credentials_is_a_public_api() -> None:
    from vibecheck.rules.auth.permissive_cors import PermissiveCors

    assert findings_for(PermissiveCors, "CORS_ALLOW_ALL_ORIGINS = True\n", path="mysite/settings.py") == []
    both = "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n"
    assert [f.location.start.line for f in findings_for(PermissiveCors, both, path="mysite/settings.py")] == [1]


def test_wildcard_hosts_in_dev_settings_are_not_reported() -> None:
    from vibecheck.rules.auth.allowed_hosts_wildcard import AllowedHostsWildcard

    source = 'ALLOWED_HOSTS = ["*"]\n'
    assert findings_for(AllowedHostsWildcard, source, path="mysite/settings/local.py") == []
    assert len(findings_for(AllowedHostsWildcard, source, path="mysite/settings/production.py")) == 1


def test_unverified_decode_named_as_such_is_deliberate() -> None:
    from vibecheck.rules.auth.jwt_signature_not_verified import JwtSignatureNotVerified

    deliberate = 'import jwt\nunverified_claims = jwt.decode(t, options={"verify_signature": False})\n'
    careless = 'import jwt\nclaims = jwt.decode(t, options={"verify_signature": False})\n'
    assert findings_for(JwtSignatureNotVerified, deliberate) == []
    assert len(findings_for(JwtSignatureNotVerified, careless)) == 1


def test_unverified_decode_in_a_test_file_reads_a_fixture_token() -> None:
    from vibecheck.rules.auth.jwt_signature_not_verified import JwtSignatureNotVerified

    source = ('import jwt\ndef test_login_token(client):\n    token = client.post("/login").json()["token"]\n'
              '    claims = jwt.decode(token, options={"verify_signature": False})\n    assert claims["sub"] == "ann"\n')
    assert findings_for(JwtSignatureNotVerified, source, path="tests/test_login.py", is_test_file=True) == []
    assert len(findings_for(JwtSignatureNotVerified, source, path="app/login.py")) == 1


@pytest.mark.parametrize("module", ["secret_compared_with_equals.SecretComparedWithEquals",
                                    "insecure_random_token.InsecureRandomToken",
                                    "weak_password_hash.WeakPasswordHash"])
def test_test_files_are_not_checked(module: str) -> None:
    import importlib

    name, cls = module.split(".")
    rule = getattr(importlib.import_module(f"vibecheck.rules.auth.{name}"), cls)
    source = ("import hashlib, random\n"
              "def test_login(client, token):\n"
              "    assert client.token == token\n"
              "    password = str(random.random())\n"
              "    assert hashlib.md5(password.encode())\n")
    assert findings_for(rule, source, path="tests/test_login.py", is_test_file=True) == []
    assert findings_for(rule, source, path="app/login.py") != []


def test_every_auth_rule_declares_its_cwe() -> None:
    from vibecheck.registry import load_registry

    rules = [r for r in load_registry().file_rules if r.__module__.startswith("vibecheck.rules.auth.")]
    assert len(rules) >= 9
    for rule in rules:
        assert rule.cwe, rule.code


@pytest.mark.parametrize(("source", "consequence", "variable"), [
    ('app.secret_key = "s3cr3t-value-42"\n', "sign sessions or tokens", "SECRET_KEY"),
    ('GITHUB_CLIENT_SECRET = "3f9a8b7c6d5e4f3a2b1c"\n', "act as this app at the identity provider",
     "GITHUB_CLIENT_SECRET"),
    ('oauth.register("github", client_secret="3f9a8b7c6d5e4f3a2b1c")\n', "act as this app at the identity provider",
     "CLIENT_SECRET"),
    ('STRIPE_WEBHOOK_SECRET = "whsec-not-real-42"\n', "forge webhook events", "STRIPE_WEBHOOK_SECRET"),
    ('API_SECRET = "s3cr3t-value-42"\n', "call the service's API as this app", "API_SECRET"),
    ('ENCRYPTION_KEY = "0123456789abcdef"\n', "decrypt", "ENCRYPTION_KEY"),
])
def test_the_message_says_what_the_kind_of_secret_gives_away(source: str, consequence: str, variable: str) -> None:
    [finding] = findings_for(HardcodedSecretKey, source)
    assert consequence in finding.message
    assert f"environment variable {variable} " in (finding.hint or "")


FORMS = """\
from django import forms

from .models import Book, Loan


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        fields = ["title", "author"]


class LoanForm(forms.ModelForm):
    class Meta:
        model = Loan
        fields = ["book", "user"]
"""


@pytest.mark.parametrize("layout", ["models.py", "models/__init__.py"])
def test_a_forms_model_fields_are_read_from_the_module_it_imports_them_from(tmp_path: Path, layout: str) -> None:
    """`author` stored as text in the app's `models.py` is a name typed by hand; `user` as a foreign key is an account."""
    (tmp_path / layout).parent.mkdir(exist_ok=True)
    (tmp_path / layout).write_text("from django.db import models\n\n\nclass Book(models.Model):\n"
                                   "    author = models.CharField(max_length=80)\n\n\nclass Loan(models.Model):\n"
                                   "    user = models.ForeignKey('auth.User', on_delete=models.CASCADE)\n",
                                   encoding="utf-8")
    forms = tmp_path / "forms.py"
    forms.write_text(FORMS, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(MassAssignment, FORMS, path=str(forms))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in found] == [(15, "LoanForm")]


def test_the_schemas_one_package_up_key_only_the_files_that_import_them(tmp_path: Path) -> None:
    """`from ..schemas import X` in `routers/notes.py` reads the package above, so its key follows `schemas.py` there;
    a module of `routers/` that imports nothing from above keeps its key (an edit of one model would otherwise make
    every file of the sub-packages beside it miss the cache)."""
    (tmp_path / "routers").mkdir()
    importing = tmp_path / "routers" / "notes.py"
    importing.write_text("from ..schemas import NoteUpdate\n", encoding="utf-8")
    other = tmp_path / "routers" / "health.py"
    other.write_text("from ..config import settings\n", encoding="utf-8")
    (tmp_path / "schemas.py").write_text("class NoteUpdate:\n    pass\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    before = sibling_models_inputs(str(importing)), sibling_models_inputs(str(other))
    (tmp_path / "schemas.py").write_text("class NoteUpdate:\n    owner_id: int\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    after = sibling_models_inputs(str(importing)), sibling_models_inputs(str(other))
    assert after[0] != before[0]
    assert after[1] == before[1]


def test_the_models_module_beside_a_form_is_part_of_its_cache_key(tmp_path: Path) -> None:
    form = str(tmp_path / "forms.py")
    before = sibling_models_inputs(form)
    (tmp_path / "models.py").write_text("class Book:\n    pass\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    with_models = sibling_models_inputs(form)
    assert with_models != before
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "notes.py").write_text("class NoteIn:\n    pass\n", encoding="utf-8")
    (tmp_path / "views.py").write_text("x = 1\n", encoding="utf-8")  # not a sibling module: no part of the key
    sibling_models_inputs.cache_clear()
    with_schemas = sibling_models_inputs(form)
    assert with_schemas != with_models
    (tmp_path / "schemas" / "notes.py").write_text("class NoteIn:\n    owner_id: int\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    edited = sibling_models_inputs(form)
    assert edited != with_schemas
    (tmp_path / "views.py").write_text("x = 22\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    assert sibling_models_inputs(form) == edited


@pytest.mark.parametrize("importing", ["from .models.enums import Status\n", "from .models import enums\n",
                                       "from shop.models.enums import Status\n", "import shop.models.enums\n"])
def test_a_models_packages_submodule_keys_only_the_files_that_name_it(tmp_path: Path, importing: str) -> None:
    """A reference reaches `models/enums.py` only through its name (`.models.enums.Status`): a file that names it is
    keyed on it, one that imports only the package (`from .models import Book`, read from `models/__init__.py`) is not,
    but on `__init__.py` (an edit of any module of Django's `django/db/models/` checked six files of `django/db/`)."""
    shop = tmp_path / "shop"
    (shop / "models").mkdir(parents=True)
    naming, other = shop / "views.py", shop / "forms.py"
    naming.write_text(importing, encoding="utf-8")
    other.write_text("from .models import Book\n", encoding="utf-8")
    for name in ("__init__.py", "enums.py"):
        (shop / "models" / name).write_text("x = 1\n", encoding="utf-8")

    def keys() -> tuple[str, str]:
        sibling_models_inputs.cache_clear()
        return sibling_models_inputs(str(naming)), sibling_models_inputs(str(other))

    before = keys()
    (shop / "models" / "enums.py").write_text("x = 22\n", encoding="utf-8")
    enums_edited = keys()
    assert enums_edited[0] != before[0]
    assert enums_edited[1] == before[1]
    (shop / "models" / "__init__.py").write_text("x = 333\n", encoding="utf-8")
    init_edited = keys()
    assert init_edited[0] != enums_edited[0] and init_edited[1] != enums_edited[1]


def test_a_nonce_or_salt_is_told_what_goes_wrong_for_a_value_used_once() -> None:
    """A nonce or salt must be unique rather than secret: the message says it can repeat, the hint names the call."""
    from vibecheck.rules.auth.insecure_random_token import InsecureRandomToken

    source = ("import random, time\n"
              "def make_nonce():\n    nonce = str(time.time())\n    return nonce\n"
              "def make_salt():\n    salt = random.getrandbits(64)\n    return salt\n"
              "def make_token():\n    token = random.getrandbits(64)\n    return token\n")
    nonce, salt, token = findings_for(InsecureRandomToken, source)
    assert "nonces can repeat or be predicted" in nonce.message and "secrets.token_urlsafe(16)" in (nonce.hint or "")
    assert "salts can repeat" in salt.message and "secrets.token_bytes(16)" in (salt.hint or "")
    assert token.message.endswith("so an attacker can guess the token.") and "secrets" in (token.hint or "")


SCHEMAS = """
from pydantic import BaseModel


class NoteIn(BaseModel):
    title: str


class NoteUpdate(NoteIn):
    owner_id: int
"""

NOTE_ROUTES = """
from fastapi import APIRouter

from .schemas import NoteIn, NoteUpdate

router = APIRouter()


@router.put("/notes/{note_id}")
def replace_note(note_id: int, body: NoteUpdate):
    note = db.get(Note, note_id)
    for field, value in body.model_dump().items():
        setattr(note, field, value)


@router.post("/notes/{note_id}/copy")
def copy_note(note_id: int, body: NoteUpdate):
    data = body.dict()
    return Note(**data)


@router.patch("/notes/{note_id}")
def edit_note(note_id: int, body: NoteUpdate):
    note = db.get(Note, note_id)
    for field, value in body.model_dump(exclude={"owner_id"}).items():
        setattr(note, field, value)


@router.post("/notes")
def create_note(body: NoteIn):
    return Note(**body.model_dump(), owner_id=current_id())
"""


@pytest.mark.parametrize("spelling", ["from .schemas import", "from schemas import"])
def test_a_body_schema_imported_from_the_schemas_module_beside_the_router(tmp_path: Path, spelling: str) -> None:
    """`NoteUpdate` (inheriting its other fields) declares `owner_id` in `schemas.py`: copying its dump onto a model
    by `setattr` or `**` lets the client move the note; not once `exclude=` drops the field, nor for `NoteIn`. A flat
    app imports the module beside it by its bare name."""
    (tmp_path / "schemas.py").write_text(SCHEMAS, encoding="utf-8")
    routes = tmp_path / "notes.py"
    source = NOTE_ROUTES.replace("from .schemas import", spelling)
    routes.write_text(source, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(MassAssignment, source, path=str(routes))
    assert [f.location.start.line for f in found] == [13, 19] and "`owner_id`" in found[0].message


@pytest.mark.parametrize(("spelling", "reported"), [("from ..schemas import", [13, 19]),
                                                    ("from ...schemas import", [])])
def test_a_body_schema_imported_from_the_package_above_a_routers_package(tmp_path: Path, spelling: str,
                                                                           reported: list[int]) -> None:
    """`routers/notes.py` importing `from ..schemas import NoteUpdate`: the app's schemas one package up are read as
    those beside it are; two packages up is no convention, and nothing is read there."""
    (tmp_path / "schemas.py").write_text(SCHEMAS, encoding="utf-8")
    (tmp_path / "routers").mkdir()
    routes = tmp_path / "routers" / "notes.py"
    source = NOTE_ROUTES.replace("from .schemas import", spelling)
    routes.write_text(source, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(MassAssignment, source, path=str(routes))
    assert [f.location.start.line for f in found] == reported


@pytest.mark.parametrize(("spelling", "reported"), [("from crm.schemas import", [13, 19]),
                                                    ("from project.crm.schemas import", [13, 19]),
                                                    ("from crm.routers.schemas import", []),
                                                    ("from other.schemas import", [])])
def test_a_body_schema_imported_by_the_package_name_from_a_routers_package(tmp_path: Path, spelling: str,
                                                                          reported: list[int]) -> None:
    """`crm/routers/deals.py` importing `from crm.schemas import DealPatch` (the app's package by name, from the import
    root or one above it) reads the schemas one package up as `from ..schemas import` does; a module of the routers'
    own package or of another package is not that one."""
    app = tmp_path / "project" / "crm"
    (app / "routers").mkdir(parents=True)
    (app / "schemas.py").write_text(SCHEMAS, encoding="utf-8")
    routes = app / "routers" / "notes.py"
    source = NOTE_ROUTES.replace("from .schemas import", spelling)
    routes.write_text(source, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(MassAssignment, source, path=str(routes))
    assert [f.location.start.line for f in found] == reported


@pytest.mark.parametrize(("text", "keyed"), [
    ("from crm.schemas import NoteUpdate\n", True),
    ("from project.crm.schemas import NoteUpdate\n", True),
    ("import crm.schemas\n", True),
    ('LABEL = "crm.schemas"  # a mention, no import\n', False),
    ("from crm.routers.schemas_util import x\n", False),
])
def test_the_schemas_a_router_imports_by_the_package_name_are_part_of_its_cache_key(tmp_path: Path, text: str,
                                                                                      keyed: bool) -> None:
    """`from crm.schemas import X` in `crm/routers/notes.py` reads `crm/schemas.py`, so its key follows that file; a
    mere mention of the name does not (Django's strings naming `django.contrib.admin.models` keyed dozens of files on
    their package's siblings, and an edit of one checked them all again)."""
    (tmp_path / "crm" / "routers").mkdir(parents=True)
    importing = tmp_path / "crm" / "routers" / "notes.py"
    importing.write_text(text, encoding="utf-8")
    (tmp_path / "crm" / "schemas.py").write_text("class NoteUpdate:\n    pass\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    before = sibling_models_inputs(str(importing))
    (tmp_path / "crm" / "schemas.py").write_text("class NoteUpdate:\n    owner_id: int\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    assert (sibling_models_inputs(str(importing)) != before) is keyed


def test_an_import_of_the_files_own_package_by_name_keys_nothing_one_package_up(tmp_path: Path) -> None:
    """`from django.db.models import Q` in `django/db/models/query.py` names the file's own package, not a sibling."""
    (tmp_path / "db" / "models").mkdir(parents=True)
    importing = tmp_path / "db" / "models" / "query.py"
    importing.write_text("from django.db.models import Q\n", encoding="utf-8")
    (tmp_path / "db" / "schemas.py").write_text("A = 1\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    before = sibling_models_inputs(str(importing))
    (tmp_path / "db" / "schemas.py").write_text("A = 2\n", encoding="utf-8")
    sibling_models_inputs.cache_clear()
    assert sibling_models_inputs(str(importing)) == before


INVOICE_SERIALIZERS = """
from rest_framework import serializers

from shop.models import Invoice


class InvoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invoice
        fields = ["id", "amount", "paid"]
"""

READ_ONLY_INVOICE_VIEWS = """
from rest_framework import mixins, viewsets

from shop.serializers import InvoiceSerializer


class InvoiceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InvoiceSerializer


class InvoiceListViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = InvoiceSerializer


def invoices(request):
    return InvoiceSerializer(Invoice.objects.filter(customer=request.user), many=True).data
"""


@pytest.mark.parametrize(("views", "reported"), [
    (READ_ONLY_INVOICE_VIEWS, False),
    (READ_ONLY_INVOICE_VIEWS + "\n\nclass Summary(serializers.Serializer):\n"
     "    invoices = InvoiceSerializer(many=True, read_only=True)\n", False),
    (READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet", "ModelViewSet"), True),
    (READ_ONLY_INVOICE_VIEWS + "\n\ndef pay(request):\n    InvoiceSerializer(data=request.data).save()\n", True),
    (READ_ONLY_INVOICE_VIEWS.replace("    serializer_class = InvoiceSerializer\n\n\ndef",
                                     "    serializer_class = InvoiceSerializer\n\n    def pay(self, request):\n"
                                     "        self.get_serializer(data=request.data).save()\n\n\ndef"), True),
    (READ_ONLY_INVOICE_VIEWS + "\n\nclass Summary(serializers.Serializer):\n"
     "    invoices = InvoiceSerializer(many=True)\n", True),
    (READ_ONLY_INVOICE_VIEWS + "\n\nclass PaidSerializer(InvoiceSerializer):\n    pass\n", True),
    ("from shop.serializers import InvoiceSerializer\n", True),
    # a writing viewset only administrators reach: they may set any field
    (READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet):", "ModelViewSet):\n    permission_classes = [IsAdminUser]"),
     False),
    (READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet):", "ModelViewSet):\n    permission_classes: ClassVar[list] = "
                                     "(permissions.IsAuthenticated, permissions.IsAdminUser)"), False),
    # signed-in users, or administrators *or* anyone reading: a client writes `paid`
    (READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet):", "ModelViewSet):\n    permission_classes = [IsAuthenticated]"),
     True),
    (READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet):", "ModelViewSet):\n    permission_classes = "
                                     "[IsAdminUser | IsAuthenticatedOrReadOnly]"), True),
    # a tenant's administrators are no site staff: they may not set any field
    (READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet):", "ModelViewSet):\n    permission_classes = "
                                     "[IsAuthenticated, IsOrgAdmin]"), True),
])
def test_a_serializer_the_project_only_reads_through_lets_no_client_write(tmp_path: Path, views: str,
                                                                          reported: bool) -> None:
    """`InvoiceSerializer` lists `paid`: only a view or call that hands it the request body lets a client write it. Read
    through by read-only viewsets, output calls and `read_only=True` fields only, it writes nothing; a writing
    viewset, `data=`, a nested writable field, a subclass or no use seen at all leave the finding; a writing viewset
    that lists a site staff's permission class (`IsAdminUser`) counts as a reader. The tests' own `InvoiceSerializer(data=...)`
    does not count."""
    app = tmp_path / "project" / "shop"
    (app / "tests").mkdir(parents=True)
    (tmp_path / "project" / "manage.py").write_text("", encoding="utf-8")
    (app / "serializers.py").write_text(INVOICE_SERIALIZERS, encoding="utf-8")
    (app / "views.py").write_text(views, encoding="utf-8")
    (app / "tests" / "test_api.py").write_text("def test_pay():\n    InvoiceSerializer(data={}).is_valid()\n",
                                               encoding="utf-8")
    serializer_uses_inputs.cache_clear()
    found = findings_for(MassAssignment, INVOICE_SERIALIZERS, path=str(app / "serializers.py"))
    assert [f.location.start.line for f in found] == ([10] if reported else [])


def test_a_serializer_whose_apps_folder_is_no_project_keeps_its_finding(tmp_path: Path) -> None:
    """The folder above the app holds no `manage.py`, `pyproject.toml`, ... nor `__init__.py` (a home directory): it
    is not read, and nothing says the serializer only reads."""
    app = tmp_path / "shop"
    app.mkdir()
    (app / "serializers.py").write_text(INVOICE_SERIALIZERS, encoding="utf-8")
    (app / "views.py").write_text(READ_ONLY_INVOICE_VIEWS, encoding="utf-8")
    serializer_uses_inputs.cache_clear()
    found = findings_for(MassAssignment, INVOICE_SERIALIZERS, path=str(app / "serializers.py"))
    assert [f.location.start.line for f in found] == [10]


def test_a_src_layout_project_is_read_from_its_source_folder(tmp_path: Path) -> None:
    """`src/shop/serializers.py` with `pyproject.toml` beside `src/` (django-helpdesk): the apps' folder is `src/`,
    marked one folder up, and its read-only views are read."""
    app = tmp_path / "src" / "shop"
    app.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (app / "serializers.py").write_text(INVOICE_SERIALIZERS, encoding="utf-8")
    (app / "views.py").write_text(READ_ONLY_INVOICE_VIEWS, encoding="utf-8")
    serializer_uses_inputs.cache_clear()
    assert findings_for(MassAssignment, INVOICE_SERIALIZERS, path=str(app / "serializers.py")) == []


def test_the_views_of_a_serializer_module_are_part_of_its_cache_key(tmp_path: Path) -> None:
    """Whether `InvoiceSerializer` only reads depends on every view of the project, so its module's key follows them;
    a module that defines no serializers keys on none of them."""
    app = tmp_path / "shop"
    app.mkdir()
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (app / "serializers.py").write_text(INVOICE_SERIALIZERS, encoding="utf-8")
    (app / "views.py").write_text(READ_ONLY_INVOICE_VIEWS, encoding="utf-8")
    serializer_uses_inputs.cache_clear()
    before = serializer_uses_inputs(str(app / "serializers.py"))
    (app / "views.py").write_text(READ_ONLY_INVOICE_VIEWS.replace("ReadOnlyModelViewSet", "ModelViewSet"),
                                  encoding="utf-8")
    serializer_uses_inputs.cache_clear()
    assert serializer_uses_inputs(str(app / "serializers.py")) != before
    assert serializer_uses_inputs(str(app / "views.py")) == ""


def test_a_request_schema_of_any_module_beside_the_handler_validates_the_body(tmp_path: Path) -> None:
    """langserve's `StreamLogParameters(**body)`: a Pydantic schema of `validation.py` beside the handler checks the
    client's dict field by field; a SQLAlchemy model of `tables.py` beside it, given the same dict, stores every key
    the client sent."""
    package = tmp_path / "server"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "validation.py").write_text(textwrap.dedent("""\
        from pydantic import BaseModel


        class StreamLogParameters(BaseModel):
            include_names: list[str] | None = None
    """), encoding="utf-8")
    (package / "tables.py").write_text(textwrap.dedent("""\
        from sqlalchemy.orm import DeclarativeBase, Mapped


        class Base(DeclarativeBase):
            pass


        class StreamLog(Base):
            include_names: Mapped[str]
    """), encoding="utf-8")
    handler = package / "api.py"
    source = textwrap.dedent("""\
        from starlette.requests import Request

        from server.tables import StreamLog
        from server.validation import StreamLogParameters


        async def stream_log(request: Request):
            body = await request.json()
            parameters = StreamLogParameters(**body)
            return StreamLog(**body), parameters
    """)
    handler.write_text(source, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(MassAssignment, source, path=str(handler))
    assert [f.location.start.line for f in found] == [10]


def test_a_strawberry_input_imported_from_the_schemas_module_beside_the_resolvers(tmp_path: Path) -> None:
    """`@strawberry.input` classes of `schemas.py` are the client's message as Pydantic bodies are: `vars(data)` of one
    that declares `role` copies it onto the user."""
    (tmp_path / "schemas.py").write_text(textwrap.dedent("""\
        import strawberry


        @strawberry.input
        class ProfileInput:
            display_name: str | None = None
            role: str | None = None
    """), encoding="utf-8")
    resolvers = tmp_path / "resolvers.py"
    source = textwrap.dedent("""\
        import strawberry

        from .schemas import ProfileInput


        @strawberry.type
        class Mutation:
            @strawberry.mutation
            def update_profile(self, info, data: ProfileInput) -> bool:
                for field, value in vars(data).items():
                    setattr(info.context.user, field, value)
                return True
    """)
    resolvers.write_text(source, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(MassAssignment, source, path=str(resolvers))
    assert [f.location.start.line for f in found] == [11] and "`role`" in found[0].message


def test_the_schemas_module_beside_a_router_is_part_of_its_cache_key(tmp_path: Path) -> None:
    routes = str(tmp_path / "notes.py")
    before = sibling_models_inputs(routes)
    (tmp_path / "schemas.py").write_text(SCHEMAS, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    assert sibling_models_inputs(routes) != before


@pytest.mark.parametrize("path", ["guardian/testapp/testsettings.py", "tests/settings.py", "mysite/settings/dev.py"])
def test_a_random_secret_key_in_test_or_dev_settings_is_not_reported(path: str) -> None:
    from vibecheck.rules.auth.insecure_random_token import InsecureRandomToken

    source = "import random, string\nSECRET_KEY = ''.join(random.choice(string.ascii_letters) for _ in range(40))\n"
    assert findings_for(InsecureRandomToken, source, path=path) == []
    assert len(findings_for(InsecureRandomToken, source, path="mysite/settings.py")) == 1
    assert len(findings_for(InsecureRandomToken, source, path="accounts/dev/tokens.py")) == 1


@pytest.mark.parametrize(("rule", "corpus_name"), [
    (DebugModeInProduction, "cases_litestar.py"),
    (DebugModeInProduction, "cases_bottle.py"),
    (DebugModeInProduction, "cases_unpacked.py"),
    (DebugModeInProduction, "cases_ariadne.py"),
    (ClientControlledAuthorization, "cases_drf_permissions.py"),
    (PrivilegeFromClient, "cases_drf_permissions.py"),
    (SecretComparedWithEquals, "cases_labels.py"),
    (SecretComparedWithEquals, "cases_checksums.py"),
    (SecretComparedWithEquals, "cases_otp.py"),
    (SecretComparedWithEquals, "cases_truth.py"),
    (SecretComparedWithEquals, "cases_browser.py"),
])
def test_framework_corpus_is_reported_exactly(rule: type[Rule], corpus_name: str) -> None:
    """Litestar's `debug=True`, Bottle's `run(app, debug=True)`, a debug switch in a dict a server call unpacks or a
    settings writer takes whole (`app.run(**options)`, `app.config.from_mapping(SETTINGS)`); DRF views whose
    permission classes let only administrators in (a viewset's `permission_classes`, a function view's
    `@permission_classes`), unless an action lists its own."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{corpus_name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 2 and len(ok) >= 2
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize("rule", [DebugModeInProduction, CsrfProtectionDisabled])
def test_tornado_settings_corpus_is_reported_exactly(rule: type[DebugModeInProduction]) -> None:
    """Settings given to `Application(...)`, in a dict it unpacks, or in a module-level dict with a Tornado-only key
    (`cookie_secret`, `xsrf_cookies`) that another module unpacks."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/cases_tornado.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 3 and len(ok) >= 2
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_tornado_settings_defined_in_one_module_and_unpacked_in_another(tmp_path: Path) -> None:
    settings = 'import os\n\nSETTINGS = {"cookie_secret": os.environ["SECRET"], "debug": True, "xsrf_cookies": False}\n'
    found = [f.code for f in findings_for(DebugModeInProduction, settings, path="shop/config.py")]
    found += [f.code for f in findings_for(CsrfProtectionDisabled, settings, path="shop/config.py")]
    assert found == ["VC211", "VC208"]
    assert findings_for(DebugModeInProduction, settings, path="shop/config_dev.py") == []


LOGIN_PROBE = """
class Portal:
    def is_logged_in(self):
        try:
            self.page.find("login_username")
            return False
        except Exception:
            return True
"""


@pytest.mark.parametrize(("imports", "reported"), [
    ("from selenium import webdriver\n", 0),  # a bot asking whether its own browser session logged in
    ("from playwright.sync_api import sync_playwright\n", 0),
    ("import requests\n", 1),  # elsewhere, a check named for login that answers True on any error lets callers in
])
def test_a_browser_bot_checking_its_own_login_lets_no_request_in(imports: str, reported: int) -> None:
    assert len(findings_for(AuthFailsOpen, imports + LOGIN_PROBE, path="bot/portal.py")) == reported


INVOICE_VIEWS = """\
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from {package}models import Invoice, Product


class InvoiceViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated]
    queryset = Invoice.objects.all()


class InvoiceReadViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [IsAuthenticated]
    queryset = Invoice.objects.all()


class ProductViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated]
    queryset = Product.objects.all()


class ParticipantInvoiceViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated, IsInvoiceParticipant]
    queryset = Invoice.objects.all()


class DefaultInvoiceViewSet(viewsets.ModelViewSet):
    queryset = Invoice.objects.all()


class ProjectPermissionInvoiceViewSet(viewsets.ModelViewSet):
    permission_required = "billing.change_invoice"
    queryset = Invoice.objects.all()


class CheckedInvoiceViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated]
    queryset = Invoice.objects.all()

    def perform_destroy(self, instance):
        if instance.owner != self.request.user:
            raise PermissionDenied()
        instance.delete()
"""
INVOICE_MODELS = """\
from django.conf import settings
from django.db import models


class Invoice(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Product(models.Model):
    maker = models.ForeignKey("catalog.Maker", on_delete=models.CASCADE)
"""


@pytest.mark.parametrize("package", [".", "billing.", "shop.billing."])
def test_a_viewset_serving_every_row_of_a_model_owned_by_users_is_reported(tmp_path: Path, package: str) -> None:
    """Only the viewsets that change rows of a model with a relation to the user model, asking for a login only
    (explicitly, or by the default permission classes and no permission of the project's own) and checking no owner
    anywhere, are reported; the model is read from the module beside it, imported relatively or by
    its package's name."""
    app = tmp_path / "shop" / "billing"
    app.mkdir(parents=True)
    (app / "models.py").write_text(INVOICE_MODELS, encoding="utf-8")
    views = app / "views.py"
    source = INVOICE_VIEWS.format(package=package)
    views.write_text(source, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(ObjectLookupNotScopedToUser, source, path=str(views))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in found] == [(7, "InvoiceViewSet"),
                                                                                (27, "DefaultInvoiceViewSet")]
    assert "(`owner`)" in found[0].message


def test_a_salt_in_a_module_that_hashes_nothing_is_a_unique_suffix() -> None:
    """`salt = "_" + str(random.randint(...))` appended to a chat button's data salts no hash; a token there is still
    a secret."""
    [corpus] = RULES_DIR.glob("VC206-*/cases_unique_suffix.py")
    result = check_corpus(InsecureRandomToken, corpus)
    assert result.expected and not result.missed and not result.unexpected, result.describe()


def test_a_draw_that_only_sizes_a_secret_draws_none_of_it() -> None:
    """`length = random.randint(lo, hi)` used only to cut an `os.urandom` token or count its parts picks how long the
    secret is (django-rest-passwordreset's RandomStringTokenGenerator); a size put into the secret itself, and the
    characters drawn from `random`, still fire."""
    [corpus] = RULES_DIR.glob("VC206-*/cases_token_sizes.py")
    result = check_corpus(InsecureRandomToken, corpus)
    assert result.expected and not result.missed and not result.unexpected, result.describe()


def test_a_module_name_rebound_to_the_system_generator_draws_from_it() -> None:
    """Flask-SeaSurf's `random = random.SystemRandom()` at the top of the module: `random.randrange(...)` below is the
    operating system's; another alias of the `random` module still fires."""
    [corpus] = RULES_DIR.glob("VC206-*/cases_system_rebound.py")
    result = check_corpus(InsecureRandomToken, corpus)
    assert result.expected and not result.missed and not result.unexpected, result.describe()


def test_a_field_name_in_words_and_a_table_of_renamed_arguments_hold_no_key() -> None:
    """sshtunnel's `_DEPRECATIONS = {"ssh_private_key": "ssh_pkey", ...}` and authomatic's placeholder entity
    `example.consumer_secret = "Consumer secret"`; a lower-case passphrase beside a renamed argument, a one-entry
    mapping and other words still fire."""
    [corpus] = RULES_DIR.glob("VC203-*/cases_labels.py")
    result = check_corpus(HardcodedSecretKey, corpus)
    assert result.expected and not result.missed and not result.unexpected, result.describe()


def test_a_header_algorithm_refused_unless_configured_is_pinned() -> None:
    """`alg = header["alg"]`, then `if alg != SIGN_ALGORITHM: raise` (or `not in` the allowed ones) before the decode:
    the header no longer picks the algorithm; a mismatch only logged, or another value refused, still fires."""
    [corpus] = RULES_DIR.glob("VC202-*/cases_header_algorithm.py")
    result = check_corpus(JwtSignatureNotVerified, corpus)
    assert result.expected and not result.missed and not result.unexpected, result.describe()


MONITOR_VIEWS = """\
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from .models import Host, Ticket, Probe


class HostUpdateView(LoginRequiredMixin, View):
    def post(self, request, pk):
        host = get_object_or_404(Host, pk=pk)
        host.enabled = request.POST.get("enabled") == "on"
        host.save()
        return redirect("hosts")


class TicketCloseView(LoginRequiredMixin, View):
    def post(self, request, pk):
        ticket = get_object_or_404(Ticket, pk=pk)
        ticket.closed = True
        ticket.save()
        return redirect("tickets")


class ProbeRunView(LoginRequiredMixin, View):
    def post(self, request, pk):
        probe = Probe.objects.get(pk=pk)
        probe.run_now = True
        probe.save()
        return redirect("probes")
"""
MONITOR_MODELS = """\
from django.db import models


class Host(models.Model):
    name = models.CharField(max_length=100)
    address = models.CharField(max_length=255)
    enabled = models.BooleanField(default=True)


class Ticket(models.Model):
    title = models.CharField(max_length=100)
    reporter_id = models.IntegerField()
    closed = models.BooleanField(default=False)


class Probe(models.Model):
    host = models.ForeignKey(Host, on_delete=models.CASCADE)
    run_now = models.BooleanField(default=False)
"""


def test_a_lookup_of_a_model_that_belongs_to_no_one_is_not_reported(tmp_path: Path) -> None:
    """A shared inventory model (no owner-like field, no link to another row) is every operator's to change; a model
    with an owner-like field (`reporter_id`) or a link that may lead to one (`host`) is still reported."""
    app = tmp_path / "monitor"
    app.mkdir()
    (app / "models.py").write_text(MONITOR_MODELS, encoding="utf-8")
    views = app / "views.py"
    views.write_text(MONITOR_VIEWS, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(ObjectLookupNotScopedToUser, MONITOR_VIEWS, path=str(views))
    assert [f.location.start.line for f in found] == [18, 26]


def test_a_model_whose_rows_a_membership_hands_to_users_is_not_shared(tmp_path: Path) -> None:
    """`HostAccess` ties hosts to users (`host` and `user_id`): a host is reached through that membership, so looking
    one up by the client's id alone is reported as for any owned row."""
    app = tmp_path / "monitor"
    app.mkdir()
    members = "\n\nclass HostAccess(models.Model):\n    host = models.ForeignKey(Host, on_delete=models.CASCADE)\n" \
        "    user_id = models.IntegerField()\n"
    (app / "models.py").write_text(MONITOR_MODELS + members, encoding="utf-8")
    views = app / "views.py"
    views.write_text(MONITOR_VIEWS, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(ObjectLookupNotScopedToUser, MONITOR_VIEWS, path=str(views))
    assert [f.location.start.line for f in found] == [10, 18, 26]


EMMETT_MODELS = """
from emmett.orm import Field, Model, belongs_to


class Note(Model):
    belongs_to("user", "notebook")
    title = Field.string()
    body = Field.text()


class Printer(Model):
    name = Field.string()
    address = Field.string()
"""
EMMETT_VIEWS = """
from emmett import App, url
from emmett.tools import requires

from .models import Note, Printer

app = App(__name__)


@app.route("/notes/<int:nid>")
@requires(auth.is_logged, url("auth.login"))
async def show(nid):
    return {"note": Note.get(nid)}


@app.route("/printers/<int:pid>")
@requires(auth.is_logged, url("auth.login"))
async def printer(pid):
    return {"printer": Printer.get(pid)}
"""


def test_a_model_that_declares_its_relations_by_call_is_not_shared(tmp_path: Path) -> None:
    """Emmett declares a model's relations in its body (`belongs_to("user", "notebook")`), not as fields: such a note
    belongs to someone, so looking it up by the client's id alone is reported; a printer with no relation is shared."""
    app = tmp_path / "notes"
    app.mkdir()
    (app / "models.py").write_text(EMMETT_MODELS, encoding="utf-8")
    views = app / "views.py"
    views.write_text(EMMETT_VIEWS, encoding="utf-8")
    sibling_models_inputs.cache_clear()
    found = findings_for(ObjectLookupNotScopedToUser, EMMETT_VIEWS, path=str(views))
    assert [f.location.start.line for f in found] == [13]


SOCKET_EVENTS = """
from flask_login import current_user
from flask_socketio import SocketIO

socketio = SocketIO()
{connect}

@socketio.on("delete_message")
def on_delete_message(data):
    message = db.session.get(Message, data["id"])
    db.session.delete(message)


@socketio.on("ban_user")
def on_ban_user(data):
    db.session.get(User, data["user_id"]).banned = True
"""
REFUSING_CONNECT = """
@socketio.on("connect")
def on_connect():
    if not current_user.is_authenticated:
        return False
"""


@pytest.mark.parametrize("rule", [ObjectLookupNotScopedToUser, PrivilegedActionForAnyUser])
def test_socket_events_count_as_signed_in_only_behind_a_refusing_connect_handler(rule: type[Rule]) -> None:
    """A Socket.IO event is a handler of the client's message; its connection is a signed-in user's only when the
    module's `connect` handler turns the others away, else the rules cannot tell who sends it and stay quiet."""
    assert findings_for(rule, SOCKET_EVENTS.format(connect="")) == []
    found = findings_for(rule, SOCKET_EVENTS.format(connect=REFUSING_CONNECT))
    assert [f.location.start.line for f in found] == ([15] if rule is ObjectLookupNotScopedToUser else [19])


SERVICES = """
def update_project(session, project, changes: dict):
    for key, value in changes.items():
        setattr(project, key, value)
    return project


def rename_project(session, project, changes: dict):
    for key, value in changes.items():
        if key in ("name", "description"):
            setattr(project, key, value)
    return project
"""

PROJECT_ROUTES = """
from fastapi import APIRouter, Body

from .. import services
from ..schemas import ProjectRename

router = APIRouter()


@router.patch("/projects/{project_id}")
def patch_project(project_id: int, changes: dict = Body(...)):
    return services.update_project(session, load(project_id), changes)


@router.put("/projects/{project_id}/name")
def rename_project(project_id: int, changes: dict = Body(...)):
    return services.rename_project(session, load(project_id), changes)


@router.patch("/v2/projects/{project_id}")
def patch_project_v2(project_id: int, body: ProjectRename):
    return services.update_project(session, load(project_id), body.model_dump(exclude_unset=True))
"""


def test_a_client_dict_handed_to_a_setattr_loop_of_a_helper_module(tmp_path: Path) -> None:
    """`services.update_project(..., changes)` of the package above `routers/` copies every key of `changes` with
    `setattr`: the raw dict body is reported at the call; not one handed to a loop over an allow-list, nor a schema's
    dump, whose fields the schema chose."""
    (tmp_path / "services.py").write_text(SERVICES, encoding="utf-8")
    (tmp_path / "routers").mkdir()
    routes = tmp_path / "routers" / "projects.py"
    routes.write_text(PROJECT_ROUTES, encoding="utf-8")
    helper_modules_inputs.cache_clear()
    found = findings_for(MassAssignment, PROJECT_ROUTES, path=str(routes))
    assert [f.location.start.line for f in found] == [12] and "`update_project`" in found[0].message


def test_the_helper_modules_one_package_up_are_part_of_the_cache_key(tmp_path: Path) -> None:
    (tmp_path / "routers").mkdir()
    routes = str(tmp_path / "routers" / "projects.py")
    before = helper_modules_inputs(routes)
    (tmp_path / "services.py").write_text(SERVICES, encoding="utf-8")
    listings.forget()  # as a run starts: the folders are listed again, and the readers' memos dropped
    helper_modules_inputs.cache_clear()
    assert helper_modules_inputs(routes) != before


TENANT_SECURITY = """
from fastapi import HTTPException
from flask_jwt_extended import get_jwt, verify_jwt_in_request


def is_tenant_admin(user) -> bool:
    return user.role in {"owner", "admin"}


def can_edit_invoice(user, invoice_id) -> bool:
    if invoice_id not in user.invoice_ids:
        raise HTTPException(status_code=403)
    return True


def admin_required():
    verify_jwt_in_request()
    return get_jwt().get("is_admin", False)
"""

INVOICE_ROUTES = """
from fastapi import APIRouter, Depends

from ..security import can_edit_invoice, is_tenant_admin
from ..models import Invoice
from .rules import is_admin_user

router = APIRouter()


@router.delete("/invoices/{invoice_id}")
async def delete_invoice(invoice_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    invoice = await db.get(Invoice, invoice_id)
    is_tenant_admin(user)
    await db.delete(invoice)


@router.post("/invoices/{invoice_id}/void")
async def void_invoice(invoice_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    invoice = await db.get(Invoice, invoice_id)
    can_edit_invoice(user, invoice_id)
    invoice.status = "void"


@router.post("/invoices/{invoice_id}/archive")
async def archive_invoice(invoice_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    invoice = await db.get(Invoice, invoice_id)
    is_admin_user(user)
    invoice.status = "archived"
"""

ADMIN_VIEWS = """
from flask import Blueprint

from shop.security import admin_required
from shop import security

admin = Blueprint("admin", __name__)


@admin.before_request
def guard():
    admin_required()


@admin.post("/flags")
def toggle_flag():
    security.is_tenant_admin(g.user)
    security.can_edit_invoice(g.user, 1)
"""


def test_a_dropped_answer_of_a_check_defined_in_the_auth_module_beside_or_above(tmp_path: Path) -> None:
    """`is_tenant_admin(user)` of `..security`, `admin_required()` of `shop.security` (by the package's name) and
    `security.is_tenant_admin(...)` only answer there, so their dropped answers are VC212's; `can_edit_invoice` refuses
    by raising, and `.rules` is no auth module, so its check stays out of view."""
    package = tmp_path / "shop"
    (package / "routers").mkdir(parents=True)
    (package / "security.py").write_text(TENANT_SECURITY, encoding="utf-8")
    routes = package / "routers" / "invoices.py"
    views = package / "admin.py"
    check_modules_inputs.cache_clear()
    assert [f.location.start.line for f in findings_for(AuthCheckAlwaysPasses, INVOICE_ROUTES, path=str(routes))] == [14]
    assert [f.location.start.line for f in findings_for(AuthCheckAlwaysPasses, ADMIN_VIEWS, path=str(views))] == [12, 17]


def test_the_caller_handed_to_a_dropped_check_relates_no_object_to_them(tmp_path: Path) -> None:
    """VC214: `is_tenant_admin(user)`, whose answer is thrown away, tests no object; a check that raises
    (`can_edit_invoice`) or one out of view (`.rules`) may."""
    (tmp_path / "routers").mkdir()
    (tmp_path / "security.py").write_text(TENANT_SECURITY, encoding="utf-8")
    routes = tmp_path / "routers" / "invoices.py"
    check_modules_inputs.cache_clear()
    found = findings_for(ObjectLookupNotScopedToUser, INVOICE_ROUTES, path=str(routes))
    assert [f.location.start.line for f in found] == [13]


DESK_AUTH = """\
from functools import wraps

from quart import abort, request, session


def agent_required(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        if request.headers.get("X-Role") != "agent":
            abort(403)
        return await fn(*args, **kwargs)

    return wrapper


def login_required(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        if session.get("user_id") is None:
            abort(401)
        return await fn(*args, **kwargs)

    return wrapper
"""

DESK_ROUTES = """\
from quart import Quart

import db
from auth import agent_required, login_required

app = Quart(__name__)


@app.post("/tickets/<int:ticket_id>/summarise")
@agent_required
async def summarise(ticket_id: int):
    return await db.get_ticket(ticket_id)


@app.get("/tickets/<int:ticket_id>")
@login_required
async def show(ticket_id: int):
    return await db.get_ticket(ticket_id)
"""


def test_a_role_guard_of_the_auth_module_beside_a_script_is_known_by_its_body(tmp_path: Path) -> None:
    """VC214: `from auth import agent_required` in a folder that is no package is `auth.py` beside it; its wrapper
    refuses callers without a role, so agents reach every ticket; `login_required` there only signs the caller in."""
    (tmp_path / "auth.py").write_text(DESK_AUTH, encoding="utf-8")
    check_modules_inputs.cache_clear()
    found = findings_for(ObjectLookupNotScopedToUser, DESK_ROUTES, path=str(tmp_path / "app.py"))
    assert [f.location.start.line for f in found] == [18]


def test_the_auth_modules_one_package_up_are_part_of_the_cache_key(tmp_path: Path) -> None:
    (tmp_path / "routers").mkdir()
    routes = str(tmp_path / "routers" / "invoices.py")
    before = check_modules_inputs(routes)
    (tmp_path / "security.py").write_text(TENANT_SECURITY, encoding="utf-8")
    listings.forget()
    check_modules_inputs.cache_clear()
    assert check_modules_inputs(routes) != before


def test_webhook_corpus_is_reported_exactly() -> None:
    """Webhook receivers: a mode flag that skips the signature check, a check run only when a signature is sent, and an
    `except` that makes the refused event again without the check (also under a dotted exception name)."""
    [corpus] = RULES_DIR.glob("VC216-*/cases_webhooks.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), AuthFailsOpen.code)
    assert len(expected) >= 5 and len(ok) >= 4
    result = check_corpus(AuthFailsOpen, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_endpoint_methods_corpus_is_reported_exactly() -> None:
    """A handler class's verb method whose `except` ends it (the work done inside the `try`) hands the request on to
    nothing; `prepare` and a dependency that end normally after a refused check let the request on."""
    [corpus] = RULES_DIR.glob("VC216-*/cases_endpoint_methods.py")
    result = check_corpus(AuthFailsOpen, corpus)
    assert len(result.expected) == 2 and not result.missed and not result.unexpected, result.describe()


def test_claims_read_by_hand_for_a_log_line_only_decide_nothing() -> None:
    """A token's claims decoded by hand that reach nothing but log calls (a client's debug line about the token it just
    obtained) are not reported; logged and then returned, stored on an object or handed to another call, they are."""
    [corpus] = RULES_DIR.glob("VC202-*/cases_hand_decoded.py")
    result = check_corpus(JwtSignatureNotVerified, corpus)
    assert len(result.expected) == 7 and not result.missed and not result.unexpected, result.describe()


CI_SETTINGS = """\
import os

SECRET_KEY = os.environ.get("SECRET_KEY", "ci-only-key-1234")
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
"""


@pytest.mark.parametrize(("path", "reported"), [
    ("defender/ci_settings.py", False), ("mysite/settings/test.py", False), ("app/settings_ci.py", False),
    ("defender/test_settings.py", False), ("mysite/settings/dev.py", True), ("mysite/settings.py", True),
    ("mysite/settings/production.py", True),
])
def test_settings_only_a_test_or_ci_run_loads_hold_no_deployed_key_or_middleware(path: str, reported: bool) -> None:
    """django-defender's `ci_settings.py` and `test_settings.py`: their fallback key (neither VC203 nor VC403) and their
    MIDDLEWARE without CSRF serve test runs; a development or production settings module still fires (it may be
    deployed)."""
    from vibecheck.rules.security.hardcoded_credential import HardcodedCredential

    found = [f.code for rule in (HardcodedSecretKey, CsrfProtectionDisabled) for f in findings_for(rule, CI_SETTINGS, path=path)]
    assert found == (["VC203", "VC208"] if reported else [])
    assert bool(findings_for(HardcodedCredential, CI_SETTINGS, path=path)) == reported  # VC203 supersedes it there
