"""VC405's lanes search for sinks only in a function that may call one (`searches`); the others only `note`: the
must-search and must-note functions, each named after what it shows, and the findings the searched ones still give."""

from __future__ import annotations

import libcst as cst
import pytest

from vibecheck.engine import check_file
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl

SEARCHED = '''
import requests
from pathlib import Path

from app.base import ApiBase

fetch = requests.get


def opens_a_path(name):
    return open(name)


def reads_a_path_method(folder, name):
    return (Path(folder) / name).read_text()


def fetches_through_the_module(url):
    return requests.get(url)


def fetches_through_an_alias(url):
    return fetch(url)


def fetches_through_a_named_client(client, url):
    return client.post(url)


def writes_a_spark_frame(frame, path):
    frame.write.mode("overwrite").parquet(path)


class Remote(ApiBase):
    def fetches_through_an_inherited_client(self, url):
        return self.api.get(url)
'''

NOTED = '''
from app.base import ApiBase


def reads_a_mapping(data, key):
    return data.get(key)


def replaces_text(text):
    return text.replace("a", "b").strip()


class Cached(ApiBase):
    def __init__(self, cache):
        self.cache = cache

    def reads_its_own_attribute(self, key):
        return self.cache.get(key)


class Plain:
    def reads_an_attribute(self, key):
        return self.store.get(key)
'''


def searched(source: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Each function's answer to `searches` in a walk of the module, by name."""
    answers: dict[str, bool] = {}
    original = RequestDataToFilesystemOrUrl.searches

    def recorded(rule: RequestDataToFilesystemOrUrl, function: cst.FunctionDef) -> bool:
        answers[function.name.value] = answer = original(rule, function)
        return answer

    monkeypatch.setattr(RequestDataToFilesystemOrUrl, "searches", recorded)
    check_file("app/views.py", source.encode(), [(RequestDataToFilesystemOrUrl, None)])
    return answers


def test_a_function_that_may_call_a_sink_is_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = searched(SEARCHED, monkeypatch)
    assert answers and all(answers.values()), answers


def test_a_function_that_calls_no_sink_is_only_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = searched(NOTED, monkeypatch)
    assert answers == dict.fromkeys(answers, False) and "reads_its_own_attribute" in answers, answers


def test_a_module_that_keeps_a_client_searches_its_verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "import requests\n\nsession = requests.Session()\n\n\ndef fetch(url):\n    return session.get(url)\n"
    assert searched(source, monkeypatch) == {"fetch": True}


def test_a_view_that_fetches_the_clients_url_is_still_reported() -> None:
    source = ("import requests\nfrom flask import Flask, request\n\napp = Flask(__name__)\nfetch = requests.get\n\n\n"
              "@app.get('/proxy')\ndef proxy():\n    return fetch(request.args['url']).text\n")
    findings = check_file("app.py", source.encode(), [(RequestDataToFilesystemOrUrl, None)]).findings
    assert [(f.code, f.location.start.line) for f in findings] == [("VC405", 10)]
