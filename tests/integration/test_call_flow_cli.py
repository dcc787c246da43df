"""VC417 through the real command line: client input followed across functions, methods and modules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

APP = {
    "pyproject.toml": '[project]\nname = "shop"\nversion = "0"\n',
    "shop/__init__.py": "",
    "shop/storage.py": (
        "import os\n"
        "\n"
        "\n"
        "def read_report(name):\n"
        "    with open(f\"/srv/reports/{name}\") as handle:\n"
        "        return handle.read()\n"
        "\n"
        "\n"
        "def export(folder, name):\n"
        "    return read_report(os.path.join(folder, name))\n"
        "\n"
        "\n"
        "def save_upload(filename, content):\n"
        "    path = os.path.join(\"/srv/uploads\", filename)\n"
        "    with open(path, \"wb\") as handle:\n"
        "        handle.write(content)\n"
        "\n"
        "\n"
        "def archive(folder, name):\n"
        "    return os.listdir(folder), name\n"
        "\n"
        "\n"
        "def safe_read(name):\n"
        "    with open(os.path.join(\"/srv/reports\", os.path.basename(name))) as handle:\n"
        "        return handle.read()\n"
    ),
    "shop/views.py": (
        "import requests\n"
        "from flask import Flask, Markup, request\n"
        "\n"
        "from shop import storage\n"
        "from shop.storage import archive, export, safe_read, save_upload\n"
        "\n"
        "app = Flask(__name__)\n"
        "\n"
        "\n"
        "def requested_name():\n"
        "    return request.args[\"name\"]\n"
        "\n"
        "\n"
        "def requested_name_again():\n"
        "    return requested_name()\n"
        "\n"
        "\n"
        "def banner(text):\n"
        "    return Markup(\"<b>\" + text + \"</b>\")\n"
        "\n"
        "\n"
        "class Previewer:\n"
        "    def fetch(self, url):\n"
        "        return requests.get(url, timeout=5).text\n"
        "\n"
        "    def preview(self):\n"
        "        return self.fetch(request.args[\"url\"])\n"
        "\n"
        "    def preview_home(self):\n"
        "        return self.fetch(\"https://example.com/\")\n"
        "\n"
        "\n"
        "@app.get(\"/report\")\n"
        "def report():\n"
        "    return storage.read_report(request.args[\"name\"])\n"
        "\n"
        "\n"
        "@app.get(\"/export\")\n"
        "def export_view():\n"
        "    return export(\"/srv/exports\", request.form[\"name\"])\n"
        "\n"
        "\n"
        "@app.get(\"/twice\")\n"
        "def twice():\n"
        "    with open(requested_name_again()) as handle:\n"
        "        return handle.read()\n"
        "\n"
        "\n"
        "@app.get(\"/banner\")\n"
        "def banner_view():\n"
        "    return banner(request.args[\"text\"])\n"
        "\n"
        "\n"
        "@app.get(\"/safe\")\n"
        "def safe():\n"
        "    return safe_read(request.args[\"name\"])\n"
        "\n"
        "\n"
        "@app.get(\"/archive\")\n"
        "def archived():\n"
        "    return archive(\"/srv/archive\", request.args[\"name\"])\n"
        "\n"
        "\n"
        "@app.post(\"/upload\")\n"
        "def upload():\n"
        "    uploaded = request.files[\"doc\"]\n"
        "    return save_upload(uploaded.filename, uploaded.read())\n"
        "\n"
        "\n"
        "@app.get(\"/constant\")\n"
        "def constant():\n"
        "    return storage.read_report(\"daily.csv\")\n"
    ),
}


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, APP)
    return tmp_path


def findings(args: list[str]) -> list[dict]:
    result = CliRunner().invoke(cli, ["--format", "json", "--select", "VC4", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["code"] == "VC417"]


def test_client_input_is_followed_into_helpers_methods_and_other_modules(app: Path) -> None:
    found = {(f["path"], f["start"]["line"]): f for f in findings(["."])}
    assert sorted(found) == [("shop/storage.py", 5), ("shop/storage.py", 15), ("shop/views.py", 19), ("shop/views.py", 24),
                             ("shop/views.py", 45)]
    helper_module = found[("shop/storage.py", 5)]
    assert "`request.args` in `report()`" in helper_module["message"] and helper_module["cwe"] == ["CWE-22", "CWE-73"]
    assert "(through `report()` -> `read_report()`)" in helper_module["message"]
    method_on_self = found[("shop/views.py", 24)]
    assert "`Previewer.preview()` -> `Previewer.fetch()`" in method_on_self["message"]
    assert method_on_self["cwe"] == ["CWE-918"]
    returned_through_two_calls = found[("shop/views.py", 45)]
    assert "`request.args` in `requested_name()`" in returned_through_two_calls["message"]
    assert found[("shop/views.py", 19)]["cwe"] == ["CWE-79"]
    assigned_then_opened = found[("shop/storage.py", 15)]
    assert assigned_then_opened["start"]["column"] == 15 and "`request.files` in `upload()`" in assigned_then_opened["message"]


def test_a_sanitised_helper_a_constant_argument_and_an_unused_parameter_are_clean(app: Path) -> None:
    paths = {(f["path"], f["start"]["line"]) for f in findings(["."])}
    assert ("shop/storage.py", 20) not in paths  # archive(): the client's name never reaches listdir
    assert ("shop/storage.py", 24) not in paths  # safe_read(): basename first


def test_the_rule_can_be_silenced_inline_at_the_sink(app: Path) -> None:
    storage = app / "shop/storage.py"
    text = storage.read_text().replace('as handle:\n        return handle.read()\n\n\ndef export',
                                       'as handle:  # noqa: VC417\n        return handle.read()\n\n\ndef export', 1)
    text = text.replace('    with open(f"/srv/reports/{name}") as handle:\n',
                        '    with open(f"/srv/reports/{name}") as handle:  # noqa: VC417\n', 1)
    storage.write_text(text)
    assert ("shop/storage.py", 5) not in {(f["path"], f["start"]["line"]) for f in findings(["."])}


DJANGO_HELPERS = {
    "pyproject.toml": '[project]\nname = "site"\nversion = "0"\n',
    "site_app/__init__.py": "",
    "site_app/views.py": (
        "from django.http import HttpResponseRedirect\n"
        "\n"
        "\n"
        "def login_redirect_url(request, url=None):\n"
        "    return url or \"/\"\n"
        "\n"
        "\n"
        "def after_login(request):\n"
        "    return HttpResponseRedirect(login_redirect_url(request, \"/home\"))\n"
        "\n"
        "\n"
        "def go_next(request):\n"
        "    return HttpResponseRedirect(login_redirect_url(request, request.GET[\"next\"]))\n"
    ),
}


def test_a_helper_that_only_looks_like_a_django_view_passes_its_argument_on(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`url` of `login_redirect_url(request, url)` is not client input: the project calls it with a constant. Where
    a view passes `request.GET["next"]` in, the helper hands it back to the redirect."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, DJANGO_HELPERS)
    assert [(f["path"], f["start"]["line"]) for f in findings(["."])] == [("site_app/views.py", 13)]


SHELL_APP = {
    "pyproject.toml": '[project]\nname = "ops"\nversion = "0"\n',
    "ops/__init__.py": "",
    "ops/runner.py": (
        "import os\n"
        "import subprocess as sp\n"
        "\n"
        "\n"
        "class Runner:\n"
        "    def run(self, line):\n"
        "        return sp.check_output(line, shell=True)\n"
        "\n"
        "    def ping(self, host):\n"
        "        return self.run(\"ping -c 1 \" + host)\n"
        "\n"
        "    def ping_list(self, host):\n"
        "        return sp.check_output([\"ping\", \"-c\", \"1\", host])\n"
        "\n"
        "\n"
        "def restart(service):\n"
        "    os.system(f\"systemctl restart {service}\")\n"
    ),
    "ops/views.py": (
        "import os\n"
        "\n"
        "from flask import Flask, request\n"
        "\n"
        "from ops import runner\n"
        "from ops.runner import Runner\n"
        "\n"
        "app = Flask(__name__)\n"
        "\n"
        "\n"
        "@app.post(\"/restart\")\n"
        "def restart():\n"
        "    return str(runner.restart(request.form[\"service\"]))\n"
        "\n"
        "\n"
        "@app.get(\"/ping\")\n"
        "def ping():\n"
        "    return Runner().ping_list(request.args[\"host\"])\n"
        "\n"
        "\n"
        "@app.get(\"/du\")\n"
        "def du():\n"
        "    folder = request.args[\"folder\"]\n"
        "    return os.popen(\"du -sh \" + folder).read()\n"
    ),
}


def test_request_data_reaches_a_shell_helper_in_another_module_and_a_shell_in_the_view(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, SHELL_APP)
    result = CliRunner().invoke(cli, ["--format", "json", "."], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    found = {(f["path"], f["start"]["line"], f["code"]): f for f in json.loads(result.stdout)["findings"]
             if f["code"] in ("VC417", "VC421", "VC408", "B602", "B605")}
    # the view's own shell call: one finding, VC421, in place of bandit's B605 and VC408
    assert ("ops/views.py", 24, "VC421") in found and "`request.args`" in found[("ops/views.py", 24, "VC421")]["message"]
    assert not {key for key in found if key[:2] == ("ops/views.py", 24) and key[2] != "VC421"}
    helper = found[("ops/runner.py", 17, "VC417")]
    assert "`request.form` in `restart()`" in helper["message"] and helper["cwe"] == ["CWE-78"]
    assert "(through `restart()` -> `restart()`)" in helper["message"]
    # the host is a separate argument without a shell: not a command injection
    assert not {key for key in found if key[:2] == ("ops/runner.py", 13)}


QUERY_APP = {
    "pyproject.toml": '[project]\nname = "shop"\nversion = "0"\n',
    "shop/__init__.py": "",
    "shop/queries.py": (
        "from sqlalchemy import text\n"
        "\n"
        "\n"
        "def by_column(session, column):\n"
        "    return session.execute(text(\"SELECT id FROM items ORDER BY \" + column)).all()\n"
    ),
    "shop/views.py": (
        "from flask import Flask, request\n"
        "from pymongo import MongoClient\n"
        "from sqlalchemy import text\n"
        "\n"
        "from shop.queries import by_column\n"
        "\n"
        "app = Flask(__name__)\n"
        "users = MongoClient().shop.users\n"
        "\n"
        "\n"
        "@app.get(\"/items\")\n"
        "def items(session):\n"
        "    return by_column(session, request.args[\"sort\"])\n"
        "\n"
        "\n"
        "@app.get(\"/search\")\n"
        "def search(session):\n"
        "    return session.execute(text(f\"SELECT id FROM items WHERE name = '{request.args['q']}'\")).all()\n"
        "\n"
        "\n"
        "@app.post(\"/login\")\n"
        "def login():\n"
        "    body = request.get_json()\n"
        "    return {\"ok\": users.find_one({\"name\": body[\"name\"], \"password\": body[\"password\"]}) is not None}\n"
    ),
}


def test_client_data_in_queries_in_the_view_and_in_a_helper_module(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, QUERY_APP)
    result = CliRunner().invoke(cli, ["--format", "json", "."], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    found = {(f["path"], f["start"]["line"], f["code"]): f for f in json.loads(result.stdout)["findings"]
             if f["code"] in ("VC417", "VC422", "VC402", "B608")}
    # client text pasted into SQL in the view: VC422 names the client, in place of VC402 and bandit's B608
    assert {key[2] for key in found if key[:2] == ("shop/views.py", 18)} == {"VC422"}
    assert found[("shop/views.py", 24, "VC422")]["cwe"] == ["CWE-943"]
    helper = found[("shop/queries.py", 5, "VC417")]
    assert "`request.args` in `items()`" in helper["message"] and helper["cwe"] == ["CWE-89"]


MANAGER_APP = {
    "pyproject.toml": '[project]\nname = "shop"\nversion = "0"\n',
    "shop/__init__.py": "",
    "shop/models.py": "class User:\n    pass\n",
    "shop/services.py": (
        "from shop.models import User\n"
        "\n"
        "\n"
        "def find_user(filters):\n"
        "    return User.objects.get(**filters)\n"
        "\n"
        "\n"
        "def by_key(key):\n"
        "    return User.objects.get(pk=key)\n"
        "\n"
        "\n"
        "def cached(store, options):\n"
        "    return store.get(**options)\n"
    ),
    "shop/views.py": (
        "from django.http import JsonResponse\n"
        "\n"
        "from shop.services import by_key, cached, find_user\n"
        "\n"
        "\n"
        "def show(request):\n"
        "    user = find_user(request.GET.dict())\n"
        "    other = by_key(request.GET[\"key\"])\n"
        "    return JsonResponse({\"id\": user.id, \"other\": other.id, \"c\": cached(None, request.GET.dict())})\n"
    ),
}


def test_client_lookups_reach_a_model_manager_in_a_helper_that_imports_only_models(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A service module that imports only the project's models queries Django all the same: `User.objects.get(**x)`."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, MANAGER_APP)
    result = CliRunner().invoke(cli, ["--format", "json", "--select", "VC417,VC422", "."], catch_exceptions=False)
    found = {(f["path"], f["start"]["line"], f["code"]): f for f in json.loads(result.stdout)["findings"]}
    assert set(found) == {("shop/services.py", 5, "VC417")}, result.output
    assert "`request.GET` in `show()` chooses the lookups of `User.objects.get()`" in found[
        ("shop/services.py", 5, "VC417")]["message"]


MONGO_APP = {
    "pyproject.toml": '[project]\nname = "shop"\nversion = "0"\n',
    "shop/__init__.py": "",
    "shop/store.py": (
        "from pymongo import MongoClient\n"
        "\n"
        "users = MongoClient().shop.users\n"
        "\n"
        "\n"
        "def find_user(email, password):\n"
        "    return users.find_one({\"email\": email, \"password\": password})\n"
        "\n"
        "\n"
        "def find_by_text(email):\n"
        "    return users.find_one({\"email\": str(email)})\n"
        "\n"
        "\n"
        "def search(condition):\n"
        "    return list(users.find({\"$where\": condition}))\n"
        "\n"
        "\n"
        "def orders_for(customer, extra):\n"
        "    query = {\"customer\": customer}\n"
        "    query.update(extra)\n"
        "    return list(users.find(query))\n"
    ),
    "shop/views.py": (
        "from flask import Flask, request\n"
        "from pymongo import MongoClient\n"
        "\n"
        "from shop import store\n"
        "\n"
        "app = Flask(__name__)\n"
        "users = MongoClient().shop.users\n"
        "\n"
        "\n"
        "def payload():\n"
        "    return request.get_json()\n"
        "\n"
        "\n"
        "def credentials():\n"
        "    return payload()\n"
        "\n"
        "\n"
        "@app.post(\"/login\")\n"
        "def login():\n"
        "    data = request.get_json()\n"
        "    return {\"ok\": store.find_user(data[\"email\"], data[\"password\"]) is not None}\n"
        "\n"
        "\n"
        "@app.post(\"/login-form\")\n"
        "def login_form():\n"
        "    return {\"ok\": store.find_user(request.form[\"email\"], request.form[\"password\"]) is not None}\n"
        "\n"
        "\n"
        "@app.post(\"/login-text\")\n"
        "def login_text():\n"
        "    data = request.get_json()\n"
        "    return {\"ok\": store.find_user(str(data[\"email\"]), str(data[\"password\"])) is not None}\n"
        "\n"
        "\n"
        "@app.post(\"/login-converted\")\n"
        "def login_converted():\n"
        "    return {\"ok\": store.find_by_text(request.json[\"email\"]) is not None}\n"
        "\n"
        "\n"
        "@app.get(\"/search\")\n"
        "def search():\n"
        "    return {\"items\": store.search(request.args[\"q\"])}\n"
        "\n"
        "\n"
        "@app.get(\"/orders\")\n"
        "def orders():\n"
        "    return {\"items\": store.orders_for(request.args[\"customer\"], request.get_json(silent=True) or {})}\n"
        "\n"
        "\n"
        "class LoginView:\n"
        "    def post(self):\n"
        "        return self.find(credentials()[\"name\"])\n"
        "\n"
        "    def post_form(self):\n"
        "        return self.find(request.form[\"name\"])\n"
        "\n"
        "    def find(self, name):\n"
        "        return users.find_one({\"name\": name})\n"
    ),
}


def test_client_json_reaches_a_mongodb_filter_in_a_helper_and_strings_do_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter value is an operator injection only for the client's parsed JSON: the join knows what was passed."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, MONGO_APP)
    found = {(f["path"], f["start"]["line"]): f for f in findings(["."])}
    # find_user(): JSON values from login(); the form's strings and the str() conversions reach the same sink
    assert "`request.get_json()` in `login()`" in found[("shop/store.py", 7)]["message"]
    assert found[("shop/store.py", 7)]["cwe"] == ["CWE-943"]
    # `$where` code: any string is enough
    assert "`request.args` in `search()`" in found[("shop/store.py", 15)]["message"]
    # a method on self, given JSON returned through two calls
    through_self = found[("shop/views.py", 58)]
    assert "`request.get_json()` in `payload()`" in through_self["message"]
    assert "(through `LoginView.post()` -> `LoginView.find()`)" in through_self["message"]
    # the client's JSON merged into a filter whose other value is a string from the query string
    assert "`request.get_json(silent=True)` in `orders()`" in found[("shop/store.py", 21)]["message"]
    assert sorted(found) == [("shop/store.py", 7), ("shop/store.py", 15), ("shop/store.py", 21), ("shop/views.py", 58)]


INSTANCE_APP = {
    "pyproject.toml": '[project]\nname = "links"\nversion = "0"\n',
    "links/__init__.py": "",
    "links/previews.py": (
        "import httpx\n"
        "\n"
        "\n"
        "class LinkPreviewer:\n"
        "    def __init__(self):\n"
        "        self.client = httpx.Client(timeout=5, follow_redirects=True)\n"
        "\n"
        "    def fetch(self, url):\n"
        "        return self.client.get(url).text\n"
        "\n"
        "    def preview(self, url):\n"
        "        return self.fetch(url)[:200]\n"
        "\n"
        "\n"
        "class Archive:\n"
        "    def read(self, name):\n"
        "        with open(f\"/srv/archive/{name}\") as handle:\n"
        "            return handle.read()\n"
    ),
    "links/api.py": (
        "from fastapi import FastAPI\n"
        "\n"
        "from links.previews import Archive, LinkPreviewer\n"
        "\n"
        "app = FastAPI()\n"
        "archive = Archive()\n"
        "\n"
        "\n"
        "@app.get(\"/preview\")\n"
        "def preview(url: str):\n"
        "    return LinkPreviewer().preview(url)\n"
        "\n"
        "\n"
        "@app.get(\"/archive\")\n"
        "def read_archive(name: str):\n"
        "    return archive.read(name)\n"
        "\n"
        "\n"
        "@app.get(\"/archive-home\")\n"
        "def read_home():\n"
        "    return archive.read(\"index.txt\")\n"
    ),
}


def test_methods_of_instances_made_on_the_spot_or_at_module_level_are_followed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`LinkPreviewer().preview(url)` and a module-level `archive = Archive()`: methods of the project's classes."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, INSTANCE_APP)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert "(through `preview()` -> `LinkPreviewer.preview()` -> `LinkPreviewer.fetch()`)" in found[("links/previews.py", 9)]
    assert "(through `read_archive()` -> `Archive.read()`)" in found[("links/previews.py", 17)]
    assert sorted(found) == [("links/previews.py", 9), ("links/previews.py", 17)]


STORED_APP = {
    "pyproject.toml": '[project]\nname = "jobs"\nversion = "0"\n',
    "jobs/__init__.py": "",
    "jobs/convert.py": (
        "import requests\n"
        "\n"
        "\n"
        "class Converter:\n"
        "    def __init__(self, job, base=\"/srv\"):\n"
        "        self.callback = job.callback\n"
        "        self.base = base\n"
        "\n"
        "    def notify(self):\n"
        "        return requests.post(self.callback, timeout=5)\n"
        "\n"
        "    def status(self):\n"
        "        self.callback = \"https://hooks.example.com/\"\n"
        "        return requests.get(self.callback, timeout=5)\n"
        "\n"
        "    def listing(self):\n"
        "        return open(self.base).read()\n"
    ),
    "jobs/assistant.py": (
        "import sqlite3\n"
        "\n"
        "import anthropic\n"
        "\n"
        "\n"
        "class SQLAssistant:\n"
        "    def __init__(self, path):\n"
        "        self.conn = sqlite3.connect(path)\n"
        "        self.client = anthropic.Anthropic()\n"
        "\n"
        "    def generate_sql(self, question):\n"
        "        return self.client.messages.create(model=\"m\", messages=[]).content[0].text\n"
        "\n"
        "    def answer(self, question):\n"
        "        return self.conn.execute(self.generate_sql(question)).fetchall()\n"
    ),
    "jobs/api.py": (
        "from fastapi import FastAPI\n"
        "from pydantic import BaseModel\n"
        "\n"
        "from jobs.convert import Converter\n"
        "\n"
        "app = FastAPI()\n"
        "\n"
        "\n"
        "class Job(BaseModel):\n"
        "    callback: str\n"
        "\n"
        "\n"
        "@app.post(\"/convert\")\n"
        "def convert(job: Job):\n"
        "    return Converter(job).notify()\n"
    ),
}


def test_client_input_kept_in_an_attribute_by_the_constructor_reaches_a_method_sink(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Converter(job)` keeps `job.callback` in `self.callback`; `notify()` posts to it. A method that rebinds the
    attribute first, and an attribute set from a default the caller does not pass, stay clean."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, STORED_APP)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert sorted(found) == [("jobs/assistant.py", 15), ("jobs/convert.py", 10)]
    # a model called through `self.client` still returns model output, not the attribute it was called on
    assert "LLM output from `self.client.messages.create(...)`" in found[("jobs/assistant.py", 15)]
    assert "(through `convert()` -> `Converter.__init__()` -> `Converter.notify()`)" in found[("jobs/convert.py", 10)]


HINTLESS_APP = {
    "pyproject.toml": '[project]\nname = "cards"\nversion = "0"\n',
    "cards/__init__.py": "",
    "cards/pages.py": (
        "import shlex\n"
        "import subprocess\n"
        "\n"
        "from jinja2 import Template\n"
        "\n"
        "\n"
        "def greeting(name):\n"
        "    return Template(\"<h1>Hello \" + name + \"</h1>\").render()\n"
        "\n"
        "\n"
        "def run(line):\n"
        "    return subprocess.run(line, shell=True, check=True)\n"
    ),
    # no word of VC412's or VC421's file hints in the two modules below
    "cards/service.py": (
        "import shlex\n"
        "\n"
        "from cards import pages\n"
        "\n"
        "\n"
        "def build_card(title):\n"
        "    return pages.greeting(title.strip())\n"
        "\n"
        "\n"
        "def ping(host):\n"
        "    return pages.run(\"ping -c 1 \" + shlex.quote(host))\n"
        "\n"
        "\n"
        "def trace(host):\n"
        "    return pages.run(\"traceroute \" + host)\n"
    ),
    "cards/api.py": (
        "from fastapi import FastAPI\n"
        "\n"
        "from cards import service\n"
        "\n"
        "app = FastAPI()\n"
        "\n"
        "\n"
        "@app.get(\"/card\")\n"
        "def card(title: str):\n"
        "    return service.build_card(title)\n"
        "\n"
        "\n"
        "@app.get(\"/ping\")\n"
        "def ping(host: str):\n"
        "    return service.ping(host)\n"
        "\n"
        "\n"
        "@app.get(\"/trace\")\n"
        "def trace(host: str):\n"
        "    return service.trace(host)\n"
    ),
}


def test_modules_that_a_rules_file_hints_skip_still_carry_client_data_to_its_sinks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The route and service modules name no template or shell call; the flow through them is still followed."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, HINTLESS_APP)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert "(through `card()` -> `build_card()` -> `greeting()`)" in found[("cards/pages.py", 8)]
    assert "(through `trace()` -> `trace()` -> `run()`)" in found[("cards/pages.py", 12)]
    assert "`ping()`" not in found[("cards/pages.py", 12)]  # shlex.quote in the service module
    assert sorted(found) == [("cards/pages.py", 8), ("cards/pages.py", 12)]


LLM_HELPER_APP = {
    "pyproject.toml": '[project]\nname = "assistant"\nversion = "1"\ndependencies = ["openai"]\n',
    "assistant/__init__.py": "",
    "assistant/runner.py": "import os\n\n\ndef run_snippet(code):\n    exec(code)\n\n\n"
                           "def run_command(command):\n    os.system(command)\n",
    # a module whose only sink is a function looked up by the name it is given (tool calls dispatched by name)
    "assistant/dispatch.py": "from assistant import handlers\n\n\ndef dispatch(fn_name, kwargs):\n"
                             "    return getattr(handlers, fn_name)(**kwargs)\n\n\n"
                             "def dispatch_prefixed(fn_name, kwargs):\n"
                             "    return getattr(handlers, f\"handle_{fn_name}\")(**kwargs)\n",
    "assistant/ask.py": (
        "from openai import OpenAI\n"
        "\n"
        "from assistant.dispatch import dispatch, dispatch_prefixed\n"
        "from assistant.runner import run_command, run_snippet\n"
        "\n"
        "client = OpenAI()\n"
        "\n"
        "\n"
        "def solve(task):\n"
        "    reply = client.chat.completions.create(model=\"gpt-4o\", messages=[{\"role\": \"user\", \"content\": task}])\n"
        "    run_snippet(reply.choices[0].message.content)\n"
        "    run_command(reply.choices[0].message.content)\n"
        "    call = reply.choices[0].message.tool_calls[0]\n"
        "    dispatch(call.function.name, {})\n"
        "    dispatch_prefixed(call.function.name, {})\n"
    ),
}


def test_model_output_reaches_sinks_in_a_module_that_names_no_model(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The runner and dispatch modules spell no model word, only their sinks (`getattr` of a name they are given): their
    summaries are made all the same; a name with a fixed prefix picks among the `handle_` functions only."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, LLM_HELPER_APP)
    found = {(f["path"], f["start"]["line"]) for f in findings(["."])}
    assert found == {("assistant/runner.py", 5), ("assistant/runner.py", 9), ("assistant/dispatch.py", 5)}


PASSED_THROUGH_APP = {
    "pyproject.toml": '[project]\nname = "pages"\nversion = "0"\n',
    "pages/__init__.py": "",
    "pages/models.py": (
        "from dataclasses import dataclass\n"
        "\n"
        "\n"
        "@dataclass\n"
        "class Opts:\n"
        "    directory: str\n"
        "    name: str\n"
    ),
    "pages/render.py": (
        "import html\n"
        "import os\n"
        "from pathlib import Path\n"
        "\n"
        "BASE = Path(\"/srv/files\")\n"
        "\n"
        "\n"
        "def render_card(title):\n"
        "    return \"<div>\" + title + \"</div>\"\n"
        "\n"
        "\n"
        "def render_safe(title):\n"
        "    return \"<div>\" + html.escape(title) + \"</div>\"\n"
        "\n"
        "\n"
        "def as_record(title):\n"
        "    return {\"title\": title}\n"
        "\n"
        "\n"
        "def read(name):\n"
        "    return (BASE / name).read_bytes()\n"
        "\n"
        "\n"
        "def write(opts, data):\n"
        "    target = Path(opts.directory, opts.name)\n"
        "    target.write_bytes(data)\n"
        "\n"
        "\n"
        "def ping_command(host):\n"
        "    return f\"ping -c 1 {host}\"\n"
    ),
    "pages/views.py": (
        "import os\n"
        "\n"
        "from flask import Flask, request\n"
        "\n"
        "from pages.models import Opts\n"
        "from pages.render import as_record, ping_command, read, render_card, render_safe, write\n"
        "\n"
        "app = Flask(__name__)\n"
        "\n"
        "\n"
        "@app.get(\"/card\")\n"
        "def card():\n"
        "    return render_card(request.args[\"t\"])\n"
        "\n"
        "\n"
        "@app.get(\"/safe\")\n"
        "def safe():\n"
        "    return render_safe(request.args[\"t\"]) + str(as_record(request.args[\"t\"])[\"title\"] == \"x\")\n"
        "\n"
        "\n"
        "@app.get(\"/record\")\n"
        "def record():\n"
        "    return as_record(request.args[\"t\"])\n"
        "\n"
        "\n"
        "@app.get(\"/file\")\n"
        "def file():\n"
        "    return read(request.args[\"p\"])\n"
        "\n"
        "\n"
        "@app.post(\"/save\")\n"
        "def save():\n"
        "    write(Opts(directory=\"/srv/up\", name=request.form[\"name\"]), request.get_data())\n"
        "    return \"ok\"\n"
        "\n"
        "\n"
        "@app.post(\"/ping\")\n"
        "def ping():\n"
        "    os.system(ping_command(request.form[\"host\"]))\n"
        "    return \"ok\"\n"
    ),
}


def test_client_input_passed_to_a_helper_comes_back_in_what_it_returns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper that returns its parameter transformed (HTML built around it, a command) hands the caller's client
    input back; a dataclass made from it (no constructor to summarise) keeps it for the helper it is passed to. A
    helper that escapes it, or returns it in a dict (sent as JSON), does not make a page of it."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, PASSED_THROUGH_APP)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert sorted(found) == [("pages/render.py", 21), ("pages/render.py", 26), ("pages/views.py", 13),
                             ("pages/views.py", 39)]
    assert "(through `card()` -> `render_card()`)" in found[("pages/views.py", 13)]
    assert "(through `save()` -> `Opts()` -> `write()`)" in found[("pages/render.py", 26)]
    assert "(through `file()` -> `read()`)" in found[("pages/render.py", 21)]
    assert "(through `ping()` -> `ping_command()`)" in found[("pages/views.py", 39)]


HTML_ROUTES_APP = {
    "pyproject.toml": '[project]\nname = "admin"\nversion = "0"\n',
    "admin/__init__.py": "",
    "admin/views.py": (
        "from fastapi import APIRouter, FastAPI\n"
        "from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse\n"
        "\n"
        "router = APIRouter()\n"
        "pages = FastAPI(default_response_class=HTMLResponse)\n"
        "\n"
        "\n"
        "def render_card(title):\n"
        "    return \"<div>\" + title + \"</div>\"\n"
        "\n"
        "\n"
        "@router.post(\"/{model}/create\", response_class=HTMLResponse)\n"
        "async def create(model: str):\n"
        "    return RedirectResponse(f\"/admin/{model.lower()}/list\", status_code=303)\n"
        "\n"
        "\n"
        "@pages.get(\"/{name}/json\")\n"
        "async def as_json(name: str):\n"
        "    return JSONResponse({\"name\": name})\n"
        "\n"
        "\n"
        "@pages.get(\"/{name}/text\")\n"
        "async def as_text(name: str):\n"
        "    return PlainTextResponse(name)\n"
        "\n"
        "\n"
        "@pages.get(\"/{name}/card\")\n"
        "async def card(name: str):\n"
        "    return render_card(name)\n"
    ),
}


def test_a_response_object_returned_from_an_html_route_is_no_page_of_its_input(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A route that declares HTML responses and returns a redirect, JSON or plain-text response sends that object as
    it is: the client's value in its URL or body is not markup of the page. A helper's HTML returned there still is."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, HTML_ROUTES_APP)
    found = {(f["code"], f["path"], f["start"]["line"]) for f in findings(["."])}
    assert found == {("VC417", "admin/views.py", 29)}


def test_selected_alone_it_still_follows_client_input_and_reports_only_itself(app: Path) -> None:
    """VC417 joins the flow rules' summaries: `--select VC417` walks them silently instead of finding nothing."""
    result = CliRunner().invoke(cli, ["--format", "json", "--no-cache", "--select", "VC417", "."], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    reported = json.loads(result.stdout)["findings"]
    assert {f["code"] for f in reported} == {"VC417"}
    assert ("shop/storage.py", 5) in {(f["path"], f["start"]["line"]) for f in reported}


def test_it_walks_with_exactly_the_rules_that_record_summaries() -> None:
    from vibecheck.registry import load_registry
    from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls

    summarising = {rule.code for rule in load_registry().file_rules
                   if getattr(rule, "summarises", False) or getattr(rule, "records_summaries", False)}
    assert set(ClientDataThroughCalls.walks_with) == summarising


RETURNED_THROUGH_APP = {
    "pyproject.toml": '[project]\nname = "notes"\nversion = "1"\ndependencies = ["openai"]\n',
    "notes/__init__.py": "",
    "notes/llm.py": (
        "import json\n"
        "\n"
        "from openai import OpenAI\n"
        "\n"
        "\n"
        "def chat(prompt):\n"
        "    return OpenAI().chat.completions.create(model=\"m\", messages=[]).choices[0].message.content\n"
        "\n"
        "\n"
        "def strip_fences(text):\n"
        "    return text.strip().strip(\"`\")\n"
        "\n"
        "\n"
        "def count_words(text):\n"
        "    return len(text.split())\n"
        "\n"
        "\n"
        "def summarise(prompt):\n"
        "    raw = chat(prompt)\n"
        "    return json.loads(strip_fences(raw))\n"
        "\n"
        "\n"
        "def word_count(prompt):\n"
        "    raw = chat(prompt)\n"
        "    return str(count_words(raw))\n"
    ),
    "notes/save.py": (
        "from notes.llm import summarise, word_count\n"
        "\n"
        "\n"
        "def save(prompt):\n"
        "    summary = summarise(prompt)\n"
        "    with open(summary[\"file_name\"], \"w\") as handle:\n"
        "        handle.write(\"\")\n"
        "\n"
        "\n"
        "def save_count(prompt):\n"
        "    with open(word_count(prompt), \"w\") as handle:\n"
        "        handle.write(\"\")\n"
    ),
}


def test_a_helper_returns_model_output_it_passed_through_another_helper(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`summarise()` returns `json.loads(strip_fences(chat(...)))`: `strip_fences` hands its argument back, so the
    summary is the model's; `count_words` returns a number made from it, which names no file of the model's choosing."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, RETURNED_THROUGH_APP)
    assert {(f["path"], f["start"]["line"]) for f in findings(["."])} == {("notes/save.py", 6)}


TOOL_SERVER = {
    "pyproject.toml": '[project]\nname = "files"\nversion = "0"\ndependencies = ["mcp"]\n',
    "files/__init__.py": "",
    "files/workspace.py": (
        "class Workspace:\n"
        "    def read(self, path):\n"
        "        with open(path) as handle:\n"
        "            return handle.read()\n"
        "\n"
        "    def remove(self, path):\n"
        "        import os\n"
        "        os.remove(path)\n"
        "\n"
        "    def peek(self, path):\n"
        "        with open(path, \"rb\") as handle:\n"
        "            return handle.read(16)\n"
    ),
    "files/server.py": (
        "import subprocess\n"
        "\n"
        "from mcp.server.fastmcp import FastMCP\n"
        "\n"
        "from files.workspace import Workspace\n"
        "\n"
        "\n"
        "def shell(command):\n"
        "    return subprocess.run(command, shell=True, capture_output=True, check=False).stdout\n"
        "\n"
        "\n"
        "def build_server(root):\n"
        "    workspace = Workspace()\n"
        "    mcp = FastMCP(\"files\")\n"
        "\n"
        "    @mcp.tool()\n"
        "    def read_file(path: str) -> str:\n"
        "        return workspace.read(path)\n"
        "\n"
        "    @mcp.tool()\n"
        "    def run(command: str) -> str:\n"
        "        return shell(command)\n"
        "\n"
        "    def delete_file(path: str) -> None:\n"
        "        workspace.remove(path)\n"
        "\n"
        "    mcp.add_tool(delete_file)\n"
        "    return mcp\n"
        "\n"
        "\n"
        "def maintenance(path: str) -> bytes:\n"
        "    return Workspace().peek(path)\n"
    ),
}


def test_tool_arguments_are_followed_into_helpers_and_the_builders_objects(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An MCP tool's arguments are the caller's (a model's, steered by what it read): into a module helper, a method of
    an object the server builder made (`workspace = Workspace()` around the nested tools), and from a function that
    the builder registers by passing it (`mcp.add_tool(delete_file)`); a function no server registers is a helper."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, TOOL_SERVER)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert sorted(found) == [("files/server.py", 9), ("files/workspace.py", 3), ("files/workspace.py", 8)], found
    assert "(through `read_file()` -> `Workspace.read()`)" in found[("files/workspace.py", 3)]
    assert "(through `delete_file()` -> `Workspace.remove()`)" in found[("files/workspace.py", 8)]
    assert "(through `run()` -> `shell()`)" in found[("files/server.py", 9)]


PINNED_HOSTS = {
    "pyproject.toml": '[project]\nname = "dns"\nversion = "0"\n',
    "dns/__init__.py": "",
    "dns/client.py": (
        "import httpx\n"
        "import requests\n"
        "\n"
        "\n"
        "class Api:\n"
        "    def __init__(self, base_url):\n"
        "        self._http = httpx.Client(base_url=base_url)\n"
        "\n"
        "    def post(self, path, body=None):\n"
        "        return self._http.post(path, json=body or {}).json()\n"
        "\n"
        "\n"
        "def fetch(url):\n"
        "    return requests.get(url, timeout=5).text\n"
        "\n"
        "\n"
        "def cached(path):\n"
        "    with open(path) as handle:\n"
        "        return handle.read()\n"
    ),
    "dns/server.py": (
        "from flask import Flask, request\n"
        "\n"
        "from dns.client import Api, cached, fetch\n"
        "\n"
        "app = Flask(__name__)\n"
        "api = Api(\"https://api.example.com\")\n"
        "\n"
        "\n"
        "@app.get(\"/check\")\n"
        "def check():\n"
        "    return api.post(f\"/domain/check/{request.args['domain']}\")\n"
        "\n"
        "\n"
        "@app.get(\"/user\")\n"
        "def user():\n"
        "    url = \"https://api.github.com/users/\" + request.args[\"name\"]\n"
        "    return fetch(url)\n"
        "\n"
        "\n"
        "@app.get(\"/cache\")\n"
        "def cache():\n"
        "    return cached(f\"/var/cache/{request.args['name']}\")\n"
        "\n"
        "\n"
        "@app.get(\"/proxy\")\n"
        "def proxy():\n"
        "    return fetch(\"//\" + request.args[\"target\"])\n"
    ),
}


def test_a_url_whose_host_the_caller_pinned_reaches_no_fetch_and_still_a_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper fetches what it is given: a caller that fixed the host (a full URL, or a path for the client's base
    URL) hands it only a path, so that flow is no SSRF, and the sink is reported with a caller that chooses the host;
    the same pinned text opened as a file still walks `../` anywhere."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, PINNED_HOSTS)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert sorted(found) == [("dns/client.py", 14), ("dns/client.py", 18)], found
    assert "(through `proxy()` -> `fetch()`)" in found[("dns/client.py", 14)]
    assert "(through `cache()` -> `cached()`)" in found[("dns/client.py", 18)]


BASE_PARAMETER_HOSTS = {
    "pyproject.toml": '[project]\nname = "agents"\nversion = "0"\n',
    "agents/__init__.py": "",
    "agents/client.py": (
        "import httpx\n"
        "\n"
        "\n"
        "class AgentClient:\n"
        "    def __init__(self, api_url):\n"
        "        self.api_url = api_url\n"
        "\n"
        "    def run_agent(self, agent, query):\n"
        "        return httpx.post(f\"{self.api_url}/agents/{agent}\", json={\"query\": query}).json()\n"
    ),
    "agents/server.py": (
        "from flask import Flask, request\n"
        "\n"
        "from agents.client import AgentClient\n"
        "\n"
        "app = Flask(__name__)\n"
        "client = AgentClient(\"http://localhost:8080\")\n"
        "\n"
        "\n"
        "@app.post(\"/agent\")\n"
        "def ask():\n"
        "    return client.run_agent(request.form[\"agent\"], request.form[\"query\"])\n"
        "\n"
        "\n"
        "@app.post(\"/remote\")\n"
        "def remote():\n"
        "    return AgentClient(request.form[\"server\"]).run_agent(\"helper\", \"hi\")\n"
    ),
}


def test_a_path_after_a_base_the_object_was_built_with_does_not_choose_the_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`f"{self.api_url}/agents/{agent}"`: the client's base URL, given to its constructor, chooses the server and the
    agent name only the path, so a caller that passes client input as the agent sends no request elsewhere; one that
    builds the client on a URL the client sent does."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, BASE_PARAMETER_HOSTS)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert sorted(found) == [("agents/client.py", 9)], found
    assert "(through `remote()` -> `AgentClient.__init__()` -> `AgentClient.run_agent()`)" in found[("agents/client.py", 9)]


CRAWLER_APP = {
    "pyproject.toml": '[project]\nname = "audit"\nversion = "0"\n',
    "audit/__init__.py": "",
    "audit/fetch.py": (
        "import requests\n"
        "\n"
        "session = requests.Session()\n"
        "\n"
        "\n"
        "def get_page(url):\n"
        "    return session.get(url, timeout=10)\n"
        "\n"
        "\n"
        "def get_home():\n"
        "    return session.get(\"https://audit.example.com/\", timeout=10)\n"
    ),
    "audit/crawler.py": (
        "from collections import deque\n"
        "\n"
        "from audit.fetch import get_page\n"
        "\n"
        "\n"
        "def crawl(start_url, limit=50):\n"
        "    queue, seen = deque([start_url]), {start_url}\n"
        "    pages = []\n"
        "    while queue and len(pages) < limit:\n"
        "        url = queue.popleft()\n"
        "        pages.append(get_page(url))\n"
        "    return pages\n"
    ),
    "audit/app.py": (
        "import threading\n"
        "from urllib.parse import urlparse\n"
        "\n"
        "from flask import Flask, abort, request\n"
        "\n"
        "from audit.crawler import crawl\n"
        "\n"
        "app = Flask(__name__)\n"
        "RESULTS = {}\n"
        "\n"
        "\n"
        "@app.post(\"/audits\")\n"
        "def start_audit():\n"
        "    start_url = request.json[\"start_url\"]\n"
        "    threading.Thread(target=lambda: RESULTS.update(last=crawl(start_url)), daemon=True).start()\n"
        "    return \"\", 202\n"
        "\n"
        "\n"
        "@app.post(\"/audits/checked\")\n"
        "def start_checked_audit():\n"
        "    start_url = request.json[\"start_url\"]\n"
        "    if urlparse(start_url).hostname not in {\"shop.example.com\"}:\n"
        "        abort(400)\n"
        "    threading.Thread(target=lambda: crawl(start_url)).start()\n"
        "    return \"\", 202\n"
        "\n"
        "\n"
        "@app.post(\"/audits/sorted\")\n"
        "def sorted_audit():\n"
        "    urls = sorted(request.json[\"urls\"], key=lambda url: len(url))\n"
        "    return {\"first\": urls[0]}\n"
    ),
}


def test_a_crawler_queue_a_module_session_and_a_thread_lambda_carry_the_client_url(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The start URL goes into a `deque`, comes out of `popleft()`, and reaches `session.get(url)` on a session the
    module made at its top level; the route hands it over in a thread's `target=lambda: ...`. The checked route, the
    constant home page and a lambda with a parameter (a sort key) send nothing."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, CRAWLER_APP)
    found = {(f["path"], f["start"]["line"]): f["message"] for f in findings(["."])}
    assert sorted(found) == [("audit/fetch.py", 7)], found
    assert "(through `start_audit()` -> `crawl()` -> `get_page()`)" in found[("audit/fetch.py", 7)]
