"""Connexion's handlers, routed by an OpenAPI document's `operationId`: VC201, VC214 and VC218 on real projects."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from vibecheck import cache
from vibecheck.analysis.app_model import openapi
from vibecheck.analysis.app_model.openapi import CONNEXION_QUESTION, openapi_inputs, operations_for, spec_files
from vibecheck.api import check_paths
from vibecheck.config import Settings
from vibecheck.model import Finding
from vibecheck.run_start import start_run

APP = """
    import connexion

    app = connexion.FlaskApp(__name__, specification_dir="spec")
    app.add_api("openapi.yaml")
"""
RECORDS = """
    from .db import cursor


    def list_records():
        with cursor() as cur:
            cur.execute("SELECT id FROM records")
            return cur.fetchall()


    def get_record(record_id: int, user: str):
        with cursor() as cur:
            cur.execute("SELECT * FROM records WHERE id = %s", (record_id,))
            return cur.fetchone()


    def get_own_record(record_id: int, user: str):
        with cursor() as cur:
            cur.execute("SELECT * FROM records WHERE id = %s AND owner_id = %s", (record_id, user))
            return cur.fetchone()


    def delete_record(record_id: int):
        with cursor() as cur:
            cur.execute("DELETE FROM records WHERE id = %s", (record_id,))
        return None, 204


    def helper(record_id: int):
        with cursor() as cur:
            cur.execute("DELETE FROM records WHERE id = %s", (record_id,))
"""
DB = """
    import contextlib


    @contextlib.contextmanager
    def cursor():
        yield None
"""


def _project(root: Path, spec: str, *, spec_name: str = "spec/openapi.yaml", records: str = RECORDS,
             app: str = APP) -> Path:
    files = {"clinic/__init__.py": "", "clinic/app.py": app, "clinic/db.py": DB, "clinic/records.py": records,
             f"clinic/{spec_name}": spec, "pyproject.toml": "[project]\nname = 'clinic'\n"}
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    openapi_inputs.cache_clear()  # type: ignore[attr-defined]
    return root


def _findings(root: Path, *, cache: bool = False, select: tuple[str, ...] = ("VC201", "VC214", "VC218")) -> list[Finding]:
    """VC201, VC214 and VC218 on the whole app, as a user runs them."""
    settings = Settings(root=str(root), jobs=1, select=select, no_bandit=True, cache=cache)
    return check_paths([str(root)], settings).findings


def _reported(findings: list[Finding], code: str) -> set[tuple[str, int]]:
    return {(Path(f.location.path).relative_to(f.location.path.rpartition("clinic/")[0] or ".").as_posix(),
             f.location.start.line) for f in findings if f.code == code}


SECURED = """
    openapi: 3.0.3
    info: {title: Clinic, version: "1"}
    components:
      securitySchemes:
        jwt: {type: http, scheme: bearer, x-bearerInfoFunc: clinic.auth.decode}
    security: [{jwt: []}]
    paths:
      /records:
        get: {operationId: clinic.records.list_records, responses: {"200": {description: ok}}}
      /records/{record_id}:
        get: {operationId: clinic.records.get_record, responses: {"200": {description: ok}}}
        delete: {operationId: clinic.records.delete_record, responses: {"204": {description: gone}}}
      /own/{record_id}:
        get: {operationId: clinic.records.get_own_record, responses: {"200": {description: ok}}}
"""


def test_a_secured_handler_that_fetches_by_id_without_the_owner_is_reported(tmp_path: Path) -> None:
    findings = _findings(_project(tmp_path, SECURED))
    # `get_record`, and the delete any signed-in caller may run on anyone's record; not `get_own_record`
    assert _reported(findings, "VC214") == {("clinic/records.py", 13), ("clinic/records.py", 25)}
    assert not _reported(findings, "VC201")  # the document's security covers the delete


def test_a_delete_with_no_security_is_a_route_without_auth(tmp_path: Path) -> None:
    spec = SECURED.replace("    security: [{jwt: []}]\n", "").replace(
        "delete: {operationId: clinic.records.delete_record,", "delete: {operationId: clinic.records.delete_record, "
        "security: [{jwt: []}],").replace("{operationId: clinic.records.get_record,",
                                           "{operationId: clinic.records.get_record, security: [{jwt: []}],")
    spec = spec.replace("/records/{record_id}:\n", "/records/{record_id}:\n        post: {operationId: "
                        "clinic.records.delete_record, responses: {\"204\": {description: gone}}}\n")
    findings = _findings(_project(tmp_path, spec))
    assert _reported(findings, "VC201") == {("clinic/records.py", 23)}  # the POST lets anyone reach `delete_record`
    assert "POST /records/{record_id}" in next(f.message for f in findings if f.code == "VC201")


def test_security_empty_list_opens_a_write_but_a_read_it_opens_is_public_on_purpose(
        tmp_path: Path) -> None:
    spec = SECURED.replace("delete: {operationId: clinic.records.delete_record,",
                           "delete: {operationId: clinic.records.delete_record, security: [],").replace(
        "get: {operationId: clinic.records.list_records,", "get: {operationId: clinic.records.list_records, security: [{}],")
    findings = _findings(_project(tmp_path, spec))
    assert _reported(findings, "VC201") == {("clinic/records.py", 23)}
    assert ("clinic/records.py", 13) in _reported(findings, "VC214")  # the other operations keep the document's security


def test_router_controller_and_a_swagger_json_document(tmp_path: Path) -> None:
    spec = """
        {"swagger": "2.0", "info": {"title": "Clinic", "version": "1"},
         "paths": {"/records/{record_id}": {"x-swagger-router-controller": "clinic.records",
                                             "delete": {"operationId": "delete_record", "responses": {}},
                                             "get": {"operationId": "get_record", "security": [{"key": []}],
                                                     "responses": {}}}}}
    """
    findings = _findings(_project(tmp_path, spec, spec_name="swagger.json"))
    assert _reported(findings, "VC201") == {("clinic/records.py", 23)}
    assert _reported(findings, "VC214") == {("clinic/records.py", 13)}
    ops = operations_for(str(tmp_path / "clinic" / "records.py"))
    assert set(ops) == {"delete_record", "get_record"} and ops["get_record"].secured and not ops["delete_record"].secured


def test_a_function_no_document_names_is_no_route(tmp_path: Path) -> None:
    spec = SECURED.replace("    security: [{jwt: []}]\n", "")
    spec = spec.replace("clinic.records.delete_record", "other.module.delete_record")
    findings = _findings(_project(tmp_path, spec))
    assert not _reported(findings, "VC201")  # `delete_record` and `helper` are routed by nothing the document names
    assert not _reported(findings, "VC214")  # and an open `get_record` has no signed-in caller to scope the row to


@pytest.mark.parametrize("spec", [
    "openapi: 3.0.0\npaths: {/records: {delete: {operationId: clinic.records.delete_record\n",  # does not parse
    "openapi: 3.0.0\npaths: [1, 2]\n",
    "openapi: 3.0.0\npaths: {/x: {delete: [1]}, /y: {delete: {operationId: 3}}, /z: {delete: {operationId: 'a b.c'}}}\n",
    "openapi: !!python/object/apply:os.system ['touch pwned']\npaths: {}\n",  # the safe loader builds no object
    "openapi: &a [*a]\npaths: {/records: {delete: {operationId: clinic.records.delete_record, security: &b [*b]}}}\n",
    "\xff\xfe not text",
])
def test_a_malformed_document_routes_nothing_and_never_crashes(tmp_path: Path, spec: str) -> None:
    root = _project(tmp_path, spec)
    findings = _findings(root)
    assert not (tmp_path / "pwned").exists()
    assert not [f for f in findings if f.code.startswith("VC0")]
    assert "security: &b" in spec or not _reported(findings, "VC201")


@pytest.mark.parametrize("select", [("VC201", "VC214"), ("VC201",)])
def test_an_edit_of_the_document_rechecks_its_handlers(tmp_path: Path, select: tuple[str, ...]) -> None:
    """The document is a cache input of the files it routes: of VC214's findings, and of the app model's facts also
    when no per-file rule that reads it runs (`--select VC201`)."""
    root = _project(tmp_path, SECURED)

    def codes() -> set[tuple[str, int]]:
        return {(f.code, f.location.start.line) for f in _findings(root, cache=True, select=select)}

    assert codes() == ({("VC214", 13), ("VC214", 25)} if "VC214" in select else set())
    spec = root / "clinic" / "spec" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("\nsecurity: [{jwt: []}]\n", "\n"), encoding="utf-8")
    assert codes() == {("VC201", 23)}  # the cached results of `records.py` (its facts, VC214's) are not served
    assert (root / ".vibecheck_cache").is_dir()


BILLING = """
    def refund_payment(payment_id: int, user: str):
        return issue_refund(payment_id)


    def refund_order(order_id: int, user: str):
        return issue_refund(order_id)
"""


def test_a_privileged_operation_any_signed_in_caller_may_run_is_reported_unless_a_scope_restricts_it(
        tmp_path: Path) -> None:
    spec = """
        openapi: 3.0.3
        info: {title: Billing, version: "1"}
        security: [{oauth: [billing.read]}]
        paths:
          /payments/{payment_id}/refund:
            post: {operationId: clinic.records.refund_payment, responses: {"200": {description: ok}}}
          /orders/{order_id}/refund:
            post: {operationId: clinic.records.refund_order, security: [{oauth: [admin]}], responses: {}}
    """
    findings = _findings(_project(tmp_path, spec, records=BILLING))
    assert _reported(findings, "VC218") == {("clinic/records.py", 2)}  # `refund_payment`, not the admins' `refund_order`


PETS = """
    from .db import cursor


    def search():
        return all_pets()


    def get(pet_id: int, user: str):
        with cursor() as cur:
            cur.execute("SELECT * FROM pets WHERE id = %s", (pet_id,))
            return cur.fetchone()


    def delete(pet_id: int):
        return remove_pet(pet_id)


    def post(body: dict):
        return add_pet(body)
"""


def test_resty_resolver_routes_the_operations_without_operation_id(tmp_path: Path) -> None:
    """`RestyResolver("api")`: `/records` is the module `api.records` (matched by its last part), its `search`,
    `get`, `post` and `delete` the operations; the delete has no security, the post the document's."""
    spec = """
        openapi: 3.0.3
        info: {title: Pets, version: "1"}
        paths:
          /records:
            get: {responses: {"200": {description: ok}}}
            post: {security: [{jwt: []}], responses: {"201": {description: ok}}}
          /records/{pet_id}:
            get: {security: [{jwt: []}], responses: {"200": {description: ok}}}
            delete: {responses: {"204": {description: gone}}}
    """
    findings = _findings(_project(tmp_path, spec, records=PETS))
    assert _reported(findings, "VC201") == {("clinic/records.py", 15)}
    assert _reported(findings, "VC214") == {("clinic/records.py", 11)}
    assert set(operations_for(str(tmp_path / "clinic" / "records.py"))) == {"search", "get", "delete", "post"}


SELF_ROUTED = """
    from flask import Flask

    from .db import cursor

    app = Flask(__name__)


    def list_records():
        with cursor() as cur:
            cur.execute("SELECT id FROM records")
            return cur.fetchall()


    @app.route("/records/<int:record_id>", methods=["DELETE"])
    def delete_record(record_id: int):
        with cursor() as cur:
            cur.execute("DELETE FROM records WHERE id = %s", (record_id,))
        return "", 204
"""


def test_a_function_its_own_module_routes_takes_no_second_route_from_the_document(tmp_path: Path) -> None:
    """The document names a function the module does not route first, then one it routes itself: the latter keeps its
    own route alone (one finding, about the module's route, not a second about the document's)."""
    spec = """
        openapi: 3.0.3
        info: {title: Clinic, version: "1"}
        paths:
          /records:
            get: {operationId: clinic.records.list_records, responses: {"200": {description: ok}}}
          /records/{record_id}:
            delete: {operationId: clinic.records.delete_record, responses: {"204": {description: gone}}}
    """
    findings = [f for f in _findings(_project(tmp_path, spec, records=SELF_ROUTED), select=("VC201",))
                if f.code == "VC201"]
    assert [f.message.split("`")[1] for f in findings] == ["DELETE /records/<int:record_id>"]


UNSECURED = SECURED.replace("    security: [{jwt: []}]\n", "")


@pytest.mark.parametrize(("app", "spec_name"), [
    ('import connexion\napp = connexion.App(__name__)\napp.add_api("resty-api.yaml")\n', "resty-api.yaml"),
    ("from pathlib import Path\nfrom connexion import FlaskApp\napp = FlaskApp(__name__)\n"
     'app.add_api(Path(__file__).parent / "contracts" / "v2.yml", strict_validation=True)\n', "contracts/v2.yml"),
    ('import os\nimport connexion\napp = connexion.App(__name__, specification_dir=os.path.join(os.path.dirname('
     '__file__), "contracts"), options={"swagger_ui": True})\napp.add_api("clinic.yaml")\n', "contracts/clinic.yaml"),
])
def test_a_document_named_only_by_add_api_routes_its_handlers(tmp_path: Path, app: str, spec_name: str) -> None:
    """A name no convention knows (`resty-api.yaml`, `contracts/v2.yml`): the module that hands it to Connexion names
    it, relative to its folder or to its `specification_dir`."""
    findings = _findings(_project(tmp_path, UNSECURED, spec_name=spec_name, app=app))
    assert _reported(findings, "VC201") == {("clinic/records.py", 23)}


def test_a_document_no_module_names_and_no_convention_finds_routes_nothing(tmp_path: Path) -> None:
    app = 'import connexion\napp = connexion.App(__name__)\napp.add_api(SPEC)\nOTHER = "clinic.yaml"\n'
    findings = _findings(_project(tmp_path, UNSECURED, spec_name="clinic.yaml", app=app))
    assert not _reported(findings, "VC201")


RESTY = """
    openapi: 3.0.3
    info: {title: Pets, version: "1"}
    paths:
      /records/{pet_id}:
        delete: {responses: {"204": {description: gone}}}
"""


@pytest.mark.parametrize(("app", "pyproject", "routed"), [
    (APP, "", True),  # the app's module imports connexion
    ("from flask import Flask\napp = Flask(__name__)\n", "", False),  # no sign of Connexion: a document for others
    ("from flask import Flask\napp = Flask(__name__)\n", "dependencies = ['connexion[flask]>=3']\n", True),
])
def test_resty_operations_need_a_project_that_uses_connexion(tmp_path: Path, app: str, pyproject: str,
                                                              routed: bool) -> None:
    """An operation without `operationId` is routed by `RestyResolver`'s convention, which fits any document: only a
    project that imports Connexion or declares it as a dependency routes it."""
    root = _project(tmp_path, RESTY, records=PETS, app=app)
    (root / "pyproject.toml").write_text(f"[project]\nname = 'clinic'\n{pyproject}", encoding="utf-8")
    assert bool(operations_for(str(root / "clinic" / "records.py"))) is routed
    assert bool(_reported(_findings(root, select=("VC201",)), "VC201")) is routed


ACCOUNTS = """
    from .db import User


    def create_account(body: dict):
        return User(email=body["email"], role=body.get("role", "member"))


    def promote(account_id: int, role: str):
        return User(id=account_id, role=role)


    def create_staff(body: dict):
        return User(email=body["email"], role=body["role"])


    def invite(body: dict, user: str):
        return User(email=body["email"], role=user)


    def make_account(body: dict):
        return User(email=body["email"], role=body["role"])
"""


def test_a_role_from_a_connexion_handlers_body_or_parameter_is_privilege_from_client(tmp_path: Path) -> None:
    """The operations' handlers take `body` and the query's `role` from the client: VC217, unless the operation's
    security asks for an administrator's scope, or the role is the signed-in `user`; `make_account` is no route."""
    spec = """
        openapi: 3.0.3
        info: {title: Accounts, version: "1"}
        security: [{jwt: []}]
        paths:
          /accounts:
            post: {operationId: clinic.records.create_account, security: [], responses: {"201": {description: ok}}}
          /accounts/{account_id}/role:
            put: {operationId: clinic.records.promote, responses: {"200": {description: ok}}}
          /staff:
            post: {operationId: clinic.records.create_staff, security: [{oauth: [admin]}], responses: {}}
          /invites:
            post: {operationId: clinic.records.invite, responses: {}}
    """
    findings = _findings(_project(tmp_path, spec, records=ACCOUNTS), select=("VC217",))
    assert _reported(findings, "VC217") == {("clinic/records.py", 6), ("clinic/records.py", 10)}


ERRORS = """
    import logging

    import psycopg

    from .db import cursor

    logger = logging.getLogger(__name__)


    def get_record(record_id: int, user: str):
        try:
            with cursor() as cur:
                cur.execute("SELECT * FROM records WHERE id = %s AND owner_id = %s", (record_id, user))
                return cur.fetchone()
        except psycopg.Error as exc:
            logger.exception("read failed")
            return {"detail": f"Database error: {exc}"}, 500


    def get_own_record(record_id: int, user: str):
        try:
            with cursor() as cur:
                cur.execute("SELECT * FROM records WHERE id = %s AND owner_id = %s", (record_id, user))
                return cur.fetchone()
        except psycopg.Error:
            logger.exception("read failed")
            return {"detail": "internal error"}, 500


    def helper(record_id: int):
        try:
            with cursor() as cur:
                cur.execute("DELETE FROM records WHERE id = %s", (record_id,))
        except psycopg.Error as exc:
            return f"Database error: {exc}"
"""


def test_a_routed_handler_answering_an_exception_is_reported(tmp_path: Path) -> None:
    """VC414: a Connexion handler's return value is its response, so an exception's text in it reaches the client;
    a function no document routes (`helper`) hands its text to a caller."""
    findings = _findings(_project(tmp_path, SECURED, records=ERRORS), select=("VC414",))
    assert _reported(findings, "VC414") == {("clinic/records.py", 18)}


def test_a_module_edited_on_a_warm_cache_to_name_a_document_routes_its_handlers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm run takes "this module mentions neither `add_api` nor `connexion`" from the answer kept with the cache's
    stat record of the unchanged module (`key_answers`); the edit that makes it name a document changes its `stat`,
    so the module is read again and its folder's handlers are keyed on (and routed by) that document."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # written just now: record their stat anyway
    root = _project(tmp_path, UNSECURED, spec_name="resty-api.yaml", app="from flask import Flask\napp = Flask(__name__)\n")
    assert not _reported(_findings(root, cache=True), "VC201")
    stats = json.loads((root / ".vibecheck_cache" / cache.STATS).read_bytes())
    assert stats[cache.ANSWERS][str(root / "clinic" / "app.py")][1] == {CONNEXION_QUESTION: False}
    assert not _reported(_findings(root, cache=True), "VC201")  # warm: from the kept answers
    app = root / "clinic" / "app.py"
    app.write_text('import connexion\napp = connexion.App(__name__)\napp.add_api("resty-api.yaml")\n', encoding="utf-8")
    assert _reported(_findings(root, cache=True), "VC201") == {("clinic/records.py", 23)}


def test_a_document_added_between_runs_changes_the_key_of_every_folder_below_it(tmp_path: Path) -> None:
    """A folder's candidate documents are listed once per run and shared by the folders below it: a run that starts
    after a document was added sees it, from the top folder and from a nested one alike."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'clinic'\n", encoding="utf-8")
    nested = tmp_path / "clinic" / "api"
    nested.mkdir(parents=True)
    top_module, nested_module = tmp_path / "clinic" / "views.py", nested / "records.py"
    for module in (top_module, nested_module):
        module.write_text("def handler():\n    return 1\n", encoding="utf-8")
    before = [openapi_inputs(str(module)) for module in (top_module, nested_module)]
    (tmp_path / "openapi.yaml").write_text("openapi: 3.0.0\npaths: {}\n", encoding="utf-8")
    start_run()
    openapi_inputs.cache_clear()  # type: ignore[attr-defined]  # as the cache does when a run starts
    after = [openapi_inputs(str(module)) for module in (top_module, nested_module)]
    assert all(old != new for old, new in zip(before, after, strict=True))
    assert spec_files(str(nested_module)) == spec_files(str(top_module)) == (str(tmp_path / "openapi.yaml"),)


def test_runs_of_two_configurations_share_the_kept_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key reader is given a path only: its answers are kept under its code's digest, not the run's, so a run with
    other settings on the same checkout asks no unchanged module again, and finds what a run without answers finds."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # written just now: record their stat anyway
    root = _project(tmp_path, UNSECURED, spec_name="resty-api.yaml", app="from flask import Flask\napp = Flask(__name__)\n")
    asked: list[bytes] = []
    mentions = openapi._mentions_connexion

    def counted(data: bytes) -> bool:
        asked.append(data)
        return mentions(data)

    monkeypatch.setattr(openapi, "_mentions_connexion", counted)
    narrow = ("VC201", "VC214")
    first = _findings(root, cache=True)
    assert asked
    stats_path = root / ".vibecheck_cache" / cache.STATS
    kept = json.loads(stats_path.read_bytes())
    asked.clear()
    other = _findings(root, cache=True, select=narrow)
    assert not asked  # the other configuration's run took every answer from the first run's records
    again = _findings(root, cache=True)
    assert not asked and json.loads(stats_path.read_bytes())[cache.ANSWERS] == kept[cache.ANSWERS]
    assert first == again and other == _findings(root, select=narrow)
