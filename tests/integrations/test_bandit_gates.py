"""Per-node gates of bandit's checks: each gated check still fires through an import alias, and gated and ungated
tables report the same findings and crashes."""

from __future__ import annotations

import ast
import dataclasses
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from vibecheck.integrations import bandit as integration
from vibecheck.integrations import bandit_gates
from vibecheck.integrations.bandit import BanditOptions, run_bandit

# One file per gated check, reaching it through an alias or a `from x import y as z` where bandit resolves one,
# with a look-alike the check must not report (the same method name on another module, no keyword, no default).
MUST_FIRE: dict[str, tuple[str, list[int]]] = {
    "B102": ("exec(code)\nrunner.exec(code)\n", [1]),
    "B103": ("import os as o\no.chmod(path, 0o777)\nos.fchmod(fd, 0o777)\nchange_mode(path, 0o777)\n", [2, 3]),
    "B104": ("host = '0.0.0.0'\nother = '0.0.0.1'\n", [1]),
    "B105": ("password = 'hunter2'\nsettings = {'token': 'abc'}\nif pwd == 'x':\n    pass\nconf['secret'] = 'v'\n"
             "show('password', 'x')\n", [1, 2, 3, 5]),
    "B106": ("connect(user, password='hunter2')\nconnect(user, password=secret)\nconnect('password')\n", [1]),
    "B107": ("def login(user, password='hunter2'):\n    pass\n\ndef other(user, *, password='x'):\n    pass\n", [1]),
    "B108": ("path = '/tmp/cache'\nnot_tmp = 'tmp/cache'\n", [1]),
    "B113": ("import requests as r\nr.get(url)\nimport httpx\nhttpx.get(url, timeout=None)\nsession.get(url)\n", [2, 4]),
    "B201": ("from flask import Flask as F\napp = F(__name__)\napp.run(debug=True)\nserver.start(debug=True)\n", [3]),
    "B324": ("import hashlib as h\nh.md5(data)\nh.new('sha1')\ndigest.md5(data)\n", [2, 3]),
    "B501": ("import requests as r\nr.get(url, verify=False)\nclient.get(url, verify=False)\n", [2]),
    "B502": ("import ssl as s\nfrom OpenSSL import SSL\ns.wrap_socket(sock, ssl_version=s.PROTOCOL_SSLv2)\n"
             "SSL.Context(method=SSL.SSLv2_METHOD)\nconnect(method='SSLv3_METHOD')\nconnect(SSL.SSLv2_METHOD)\n",
             [3, 4, 5]),
    "B503": ("import ssl\ndef open_tls(version=ssl.PROTOCOL_SSLv2):\n    pass\n"
             "def keyword_only(*, version=ssl.PROTOCOL_SSLv2):\n    pass\n", [2]),
    "B505": ("from cryptography.hazmat.primitives.asymmetric import rsa as r\nr.generate_private_key(65537, 1024)\n"
             "from Crypto.PublicKey import DSA\nDSA.generate(512)\nkeys.generate(512)\n", [2, 4]),
    "B602": ("from subprocess import Popen as P\nP(cmd, shell=True)\nfrom mylib import Popen\nPopen(cmd, shell=True)\n", [2]),
    "B603": ("import subprocess as sp\nsp.run(['ls'])\nrun(['ls'])\n", [2]),
    "B605": ("from os import system as s\ns(cmd)\nsystem(cmd)\n", [2]),
    "B606": ("import os as o\no.execv(path, args)\nexecv(path, args)\n", [2]),
    "B607": ("from subprocess import Popen as pop\npop('gcc --version', shell=False)\nfrom x import Popen\n"
             "Popen('gcc')\n", [2]),
    "B608": ("query = 'SELECT * FROM t WHERE id = ' + ident\ncur.execute('DELETE FROM %s' % table)\n"
             "sql = 'UPDATE {} SET x = 1'.format(name)\nq = f'SELECT a FROM {table}'\nlabel = 'select from list'\n",
             [1, 2, 3, 4]),
    "B609": ("import os as o\no.system('chmod 777 *')\nimport subprocess\nsubprocess.call('tar cf x *', shell=True)\n"
             "other.system('chmod 777 *')\n", [2, 4]),
    "B610": ("User.objects.extra(where=[clause])\nfrom django.db.models import QuerySet as Q\nQ.extra(rows, where)\n"
             "extras(where=[clause])\n", [1, 3]),
    "B611": ("from django.db.models.expressions import RawSQL as R\nR(sql_text, params)\nRawQuery(sql_text)\n", [2]),
    "B612": ("import logging.config as lc\nlc.listen(9999)\nserver.listen(9999)\n", [2]),
    "B703": ("from django.utils.safestring import mark_safe as ms\ndef show(text):\n    return ms(text)\n"
             "mark_unsafe(text)\n", [3]),
    "B704": ("from markupsafe import Markup as M\nM(text)\nfrom flask import Markup\nMarkup(text)\nescape(text)\n", [2, 4]),
}
# Config variants: another list of names, and shapes the gates leave alone (the check then runs as in bandit).
CONFIGS: list[dict[str, object]] = [
    {},
    {"shell_injection": {"subprocess": ["mylib.Popen"], "shell": ["spawner.go"], "no_shell": []}},
    {"shell_injection": {"subprocess": "subprocess.Popen"}},
    {"markupsafe_xss": {"extend_markup_names": ["webhelpers.html.literal"]}},
    {"hardcoded_tmp_directory": {"tmp_dirs": ["/scratch"]}},
    {"ssl_with_bad_version": {"bad_protocol_versions": ["TLSv1_METHOD"]}},
]


def _report(source: str, options: BanditOptions) -> tuple[list[tuple[str, int, int, str]], list[str]]:
    findings, errors = run_bandit("app/mod.py", source, options, is_test_file=False)
    return sorted((f.code, f.location.start.line, f.location.start.column, f.message) for f in findings), \
        sorted(e.message for e in errors)


def _ungated(options: BanditOptions) -> BanditOptions:
    """Options whose check table is the same one with every gate removed."""
    key = options.cache_key()
    table = integration._checks_for(key, options)
    plain = dataclasses.replace(options, skips=(*options.skips, "B999"))  # another cache key, same checks
    integration._CHECK_CACHE[plain.cache_key()] = {
        kind: [dataclasses.replace(check, gate=None) for check in checks] for kind, checks in table.items()}
    return plain


def test_every_gate_is_active_with_the_installed_bandit() -> None:
    """Fails after a bandit upgrade that changed a file the gates restate: read the checks again, then update
    `bandit_gates.VERIFIED`. Another bandit release (the requirement admits any 1.x) runs every check ungated, which
    the other tests here cover, so this one is only asked of the release the gates were read from."""
    if version("bandit") != bandit_gates.VERIFIED_RELEASE:
        pytest.skip(f"gates read from bandit {bandit_gates.VERIFIED_RELEASE}, bandit {version('bandit')} installed")
    assert all(bandit_gates.verified(module) for module in bandit_gates.VERIFIED)
    table = integration._checks_for(BanditOptions().cache_key(), BanditOptions())
    gated = {check.test_id for checks in table.values() for check in checks if check.gate is not None}
    assert gated == {*MUST_FIRE, "B001"}  # B001: the blacklist's own gate on calls (`_listed_call`)


@pytest.mark.parametrize("code", sorted(MUST_FIRE))
def test_a_gated_check_fires_through_an_alias_and_not_on_a_look_alike(code: str) -> None:
    source, lines = MUST_FIRE[code]
    findings, errors = _report(source, BanditOptions())
    assert errors == []
    assert [line for found, line, _, _ in findings if found == code] == lines


@pytest.mark.parametrize("table", CONFIGS, ids=[str(i) for i in range(len(CONFIGS))])
def test_gated_and_ungated_checks_report_the_same(table: dict[str, object]) -> None:
    options = BanditOptions.from_config(table)
    corpus = "\n".join(source for source, _ in MUST_FIRE.values())
    extra = textwrap.dedent("""\
        import mylib, spawner
        mylib.Popen('ls *', shell=True)
        spawner.go('chmod 777 *')
        from webhelpers.html import literal
        literal(text)
        scratch = '/scratch/x'
        """)
    for source in (*(s for s, _ in MUST_FIRE.values()), corpus, extra):
        assert _report(source, options) == _report(source, _ungated(options))


def test_no_gate_where_the_config_is_not_the_shape_the_check_reads() -> None:
    options = BanditOptions.from_config({"shell_injection": {"subprocess": "subprocess.Popen"}})
    table = integration._checks_for(options.cache_key(), options)
    gated = {check.test_id for check in table["Call"] if check.gate is not None}
    assert not gated & {"B602", "B603", "B605", "B606", "B607", "B609"} and "B704" in gated


def test_no_gate_for_a_changed_bandit_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(bandit_gates.VERIFIED, "bandit.plugins.injection_shell", "0" * 64)
    bandit_gates.verified.cache_clear()
    try:
        assert bandit_gates.gate_for("B607", "bandit.plugins.injection_shell", {"subprocess": [], "shell": [],
                                                                                 "no_shell": []}) is None
        assert bandit_gates.gate_for("B102", "bandit.plugins.exec", None) is not None
    finally:
        bandit_gates.verified.cache_clear()


def test_no_gate_when_the_bandit_file_cannot_be_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from importlib.machinery import ModuleSpec

    monkeypatch.setattr(bandit_gates, "find_spec", lambda name: ModuleSpec(name, None, origin=str(tmp_path / "x.zip/m.py")))
    bandit_gates.verified.cache_clear()
    try:
        assert bandit_gates.gate_for("B102", "bandit.plugins.exec", None) is None
    finally:
        bandit_gates.verified.cache_clear()


IMPORTS = """\
import pickle as p, os
import xml.etree.cElementTree as ET
import pickled_data
from xml.etree import cElementTree as c, ElementTree
from . import pickle
from .pickle import loads
from .. import telnetlib, json
from json import loads as json_loads
import subprocess
"""


BLACKLISTED_CALLS = """\
import pickle as p
p.loads(data)
__import__('telnetlib')
import importlib
importlib.import_module('pickle')
loads(data)
"""


def test_the_blacklist_gate_on_calls_lets_through_what_bandit_flags() -> None:
    """A blacklisted call through an alias, `__import__` and `importlib.import_module` (read by the module they
    import) are still reported; a call of the same last name that bandit does not resolve to one is not."""
    options = BanditOptions()
    findings, errors = _report(BLACKLISTED_CALLS, options)
    assert errors == [] and [(code, line) for code, line, _, _ in findings] == \
        [("B301", 2), ("B401", 3), ("B403", 1), ("B403", 5)]
    assert _report(BLACKLISTED_CALLS, _ungated(options)) == (findings, errors)


def test_the_screened_blacklist_answers_as_bandits_on_imports() -> None:
    blacklists = {kind: entries for kind, entries in integration.extension_loader.MANAGER.blacklist.items() if entries}
    screened = integration._screened_blacklist(blacklists)
    answers = []
    for node in ast.walk(ast.parse(IMPORTS)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            context = integration.bandit_context.Context({"node": node})
            ours, theirs = screened(context, blacklists), integration.bandit_blacklist(context, blacklists)
            assert (ours and (ours.test_id, ours.text)) == (theirs and (theirs.test_id, theirs.text))
            answers.append(ours.test_id if ours else None)
    assert answers == ["B403", "B405", "B403", "B405", "B403", "B403", "B401", None, "B404"]


def test_calls_of_one_name_are_screened_once_and_each_judged_by_its_node() -> None:
    """Call checks are screened once per call name (`_CallChecks`), but a gate on the node still judges each call: only
    the `connect` given a password literal is a B106, only the `__import__` of a blacklisted module a B401."""
    source = ("connect(user)\nconnect(user, password='hunter2')\nconnect(user)\n__import__(name)\n"
              "__import__('telnetlib')\nimport os\nos.system(command)\nos.system(command)\n")
    options = BanditOptions()
    findings, errors = _report(source, options)
    assert errors == [] and [(code, line) for code, line, _, _ in findings] == \
        [("B106", 2), ("B401", 5), ("B605", 7), ("B605", 8)]
    assert _report(source, _ungated(options)) == (findings, errors)


# Checks that follow links up the tree from the node they check, on strings held by line-less nodes (a default of
# `arguments`, an item of a comprehension), and `# nosec` on a later line of a multi-line node (read with its range).
LINK_FOLLOWERS = textwrap.dedent("""\
    import tarfile, zipfile
    from django.utils.safestring import mark_safe
    def login(user, password='hunter2', *, token='abc'):
        query = ('SELECT * FROM t WHERE id = ' +
                 ident)  # nosec B608
        rows = [cur.execute('DELETE FROM %s' % t) for t in tables if t != 'password']
        if host == '0.0.0.0':
            serve(host='0.0.0.0')
        print(f'SELECT a FROM {table}')
        return mark_safe(user)
    def unpack(path):
        with zipfile.ZipFile(path) as archive:
            archive.extractall('/tmp/out')
        tarfile.open(path).extractall()
    settings = {'secret': 'v', 'other': {'password': 'x'}}
    """)


def test_links_on_the_checked_path_report_what_links_on_every_node_report(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = "\n".join([*(source for source, _ in MUST_FIRE.values()), LINK_FOLLOWERS])

    def full_report() -> tuple[list[object], list[str]]:
        integration._NARROWED.clear()
        findings, errors = run_bandit("app/mod.py", corpus, BanditOptions(), is_test_file=False)
        return findings, [error.message for error in errors]

    lazy = full_report()
    monkeypatch.setattr(integration, "links_follow_the_path", lambda modules: False)
    eager = full_report()
    integration._NARROWED.clear()
    assert lazy == eager and len(lazy[0]) > 40 and lazy[1] == []


def test_tree_links_are_bandit_s_on_the_path_only() -> None:
    from vibecheck.integrations.bandit_visitor import TreeLinks

    tree = ast.parse("def f(a='x'):\n    x = [g(1), h('y')]\n    with a() as b, c() as d:\n        pass\nclass C:\n    pass\n")
    function, klass = tree.body
    assign, with_ = function.body
    listed = assign.value
    first, call = listed.elts
    links = TreeLinks(eager=False)
    links.path[:] = [tree, function, assign, listed, call]
    links.link()
    assert [function._bandit_parent, assign._bandit_parent, listed._bandit_parent, call._bandit_parent] == \
        [tree, function, assign, listed]
    assert not hasattr(first, "_bandit_parent") and not hasattr(klass, "_bandit_parent")
    assert not hasattr(function, "_bandit_sibling")  # a node with a line: `linerange` does not read it
    links.path[:] = [tree, function, with_, with_.items[0], with_.items[0].context_expr]
    links.link()
    assert with_.items[0]._bandit_parent is with_ and with_.items[0]._bandit_sibling is with_.items[1]
    assert with_._bandit_parent is function
    links.unlink()
    assert not any(hasattr(node, "_bandit_parent") for node in ast.walk(tree))
