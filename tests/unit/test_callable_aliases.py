"""`callable_aliases`: which names a call resolves through, and which bindings keep a name from being one."""

from __future__ import annotations

import textwrap

import libcst as cst

from vibecheck.analysis.callable_aliases import (
    aliased_resolver,
    function_aliases,
    function_expansions,
    module_aliases,
    seen_call,
    written_call,
)
from vibecheck.cst_fields import own_nodes_of
from vibecheck.imports import ImportTable
from vibecheck.rule import RuleContext


def _context(source: str) -> RuleContext:
    source = textwrap.dedent(source)
    module = cst.parse_module(source)
    return RuleContext("app.py", source, module, ImportTable.from_module(module))


def _function(context: RuleContext, name: str) -> cst.FunctionDef:
    return next(s for s in context.module.body if isinstance(s, cst.FunctionDef) and s.name.value == name)


def _resolved(context: RuleContext, name: str) -> dict[str, str | None]:
    """Each called name of the function -> what its call resolves to through the function's aliases."""
    function = _function(context, name)
    resolve = aliased_resolver(context.imports.qualified_name, function_aliases(function, context))
    calls = own_nodes_of(function.body, cst.Call)
    return {call.func.value: resolve(call) for call in calls if isinstance(call.func, cst.Name)}


def test_a_call_through_a_name_bound_once_to_a_callable_resolves_as_the_callable() -> None:
    context = _context("""
        import functools, subprocess
        from flask import redirect

        def view(cmd):
            run = subprocess.run
            go = redirect
            ev = eval
            sh = functools.partial(subprocess.run, shell=True)
            run(cmd)
            go(cmd)
            ev(cmd)
            sh(cmd)
    """)
    assert _resolved(context, "view") == {"run": "subprocess.run", "go": "flask.redirect", "ev": "eval",
                                          "sh": "subprocess.run"}


def test_rebinding_parameters_results_and_other_scopes_keep_a_name_from_being_an_alias() -> None:
    context = _context("""
        import functools, subprocess

        def view(cmd, given=subprocess.run):
            rebound = subprocess.run
            rebound = print
            result = subprocess.run(["ls"])
            given = subprocess.run
            fixed = functools.partial(subprocess.run, ["ls"])
            nested = subprocess.run
            def inner():
                nested = print
            local = self.runner
            returned = super().run
            for looped in (subprocess.run,):
                pass
            looped = subprocess.run
            rebound(cmd); result(cmd); given(cmd); fixed(cmd); nested(cmd); local(cmd); returned(cmd); looped(cmd)
    """)
    function = _function(context, "view")
    assert function_aliases(function, context) == {}


def test_a_module_alias_reaches_its_functions_unless_bound_anywhere_else() -> None:
    context = _context("""
        import os, shlex
        _exec = os.system
        _quote = shlex.quote
        _unused = os.popen

        def run(cmd):
            _exec(_quote(cmd))

        def elsewhere():
            global _quote
            _quote = str
    """)
    assert set(module_aliases(context)) == {"_exec"}  # `_quote` is rebound through `global`; `_unused` never called
    assert _resolved(context, "run") == {"_exec": "os.system", "_quote": "_quote"}


def test_an_enclosing_functions_alias_reaches_the_functions_it_defines() -> None:
    context = _context("""
        import subprocess

        def create_app():
            run = subprocess.run
            shadowed = subprocess.run

            class Views:
                def ping(self, host):
                    run(host)

            def handler(cmd):
                run(cmd)
                shadowed(cmd)

            def other():
                shadowed = print
            shadowed("true")
    """)
    outer = _function(context, "create_app")
    handler = next(s for s in outer.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "handler")
    views = next(s for s in outer.body.body if isinstance(s, cst.ClassDef))
    ping = views.body.body[0]
    assert isinstance(ping, cst.FunctionDef)
    assert set(function_aliases(handler, context)) == {"run"}  # `shadowed` is bound in `other` too
    assert set(function_aliases(ping, context)) == {"run"}


def test_a_method_or_a_partials_keywords_expand_the_call_through_the_name() -> None:
    context = _context("""
        import functools, subprocess

        def view(cmd, conn, rebound):
            run_sql = conn.cursor().execute
            sh = functools.partial(subprocess.run, shell=True, text=True)
            returned = super().run
            rebound = conn.execute
            copied = cmd
            run_sql(cmd); sh(cmd, text=False); returned(cmd); rebound(cmd); copied(cmd)
    """)
    function = _function(context, "view")
    expansions = function_expansions(function, context)
    assert set(expansions) == {"run_sql", "sh", "returned"}  # a parameter rebound, a local name copied: none
    assert set(function_aliases(function, context)) == {"sh"}
    calls = {call.func.value: call for call in own_nodes_of(function.body, cst.Call) if isinstance(call.func, cst.Name)}
    seen = seen_call(calls["run_sql"], expansions)
    assert context.module.code_for_node(seen) == "conn.cursor().execute(cmd)"
    assert seen.args[0] is calls["run_sql"].args[0]  # the call's own argument, the same node
    # the call's own `text=False` wins over the partial's
    assert context.module.code_for_node(seen_call(calls["sh"], expansions)) == "subprocess.run(cmd, text=False, shell=True)"
    assert seen_call(calls["copied"], expansions) is calls["copied"]


def test_a_self_attribute_bound_only_to_a_method_expands_in_every_method_of_the_class() -> None:
    context = _context("""
        class Repo:
            def __init__(self, conn):
                self._exec = conn.execute
                self._swapped = conn.execute
                self._unpacked = conn.execute

            def reset(self):
                self._swapped = print
                self._unpacked, other = print, print

            def find(self, sql):
                self._exec(sql); self._swapped(sql); self._unpacked(sql)
    """)
    owner = next(s for s in context.module.body if isinstance(s, cst.ClassDef))
    find = next(s for s in owner.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "find")
    expansions = function_expansions(find, context)
    assert set(expansions) == {"self._exec"}  # the others are bound to something else in `reset`
    call = next(c for c in own_nodes_of(find.body, cst.Call) if context.module.code_for_node(c.func) == "self._exec")
    assert context.module.code_for_node(seen_call(call, expansions)) == "conn.execute(sql)"


def test_names_unpacked_pairwise_from_callables_are_aliases_unless_unpacked_from_one_value() -> None:
    context = _context("""
        import os, subprocess
        import requests

        run, fetch = subprocess.run, requests.get

        def view(cmd, make):
            sh, [get] = os.system, [requests.get]
            one, other = make()
            mixed, count = eval, len(cmd)
            run(cmd); fetch(cmd); sh(cmd); get(cmd); one(cmd); other(cmd); mixed(cmd); count(cmd)
    """)
    # a nested unpacking, values unpacked from a call's result or a call's own result: the name as written
    assert _resolved(context, "view") == {"run": "subprocess.run", "fetch": "requests.get", "sh": "os.system",
                                          "get": "get", "one": "one", "other": "other", "mixed": "eval",
                                          "count": "count", "make": "make", "len": "len"}


def test_a_table_of_callables_resolves_its_item_by_a_literal_key_or_by_the_preferred_entry() -> None:
    context = _context("""
        import os
        from helpers import run_local

        RUNNERS = {"sh": os.system, "py": eval}
        MIXED = {"sh": os.system, "local": run_local.__call__, "n": 3}
        REBOUND = {"sh": os.system}

        def view(kind, cmd):
            RUNNERS[kind](cmd)
            RUNNERS["py"](cmd)
            RUNNERS["missing"](cmd)
            MIXED[kind](cmd)
            REBOUND[kind](cmd)

        def rebind():
            global REBOUND
            REBOUND = {}
    """)
    function = _function(context, "view")
    aliases = function_aliases(function, context)
    assert set(aliases) == {"RUNNERS[]"}  # a table with a value that is no callable, or rebound elsewhere: none
    calls = {context.module.code_for_node(call): call for call in own_nodes_of(function.body, cst.Call)}
    plain = aliased_resolver(context.imports.qualified_name, aliases)
    preferring = aliased_resolver(context.imports.qualified_name, aliases, frozenset({"eval"}))
    assert {code: plain(call) for code, call in calls.items()} == {
        "RUNNERS[kind](cmd)": "os.system", 'RUNNERS["py"](cmd)': "eval", 'RUNNERS["missing"](cmd)': None,
        "MIXED[kind](cmd)": None, "REBOUND[kind](cmd)": None}
    assert preferring(calls["RUNNERS[kind](cmd)"]) == "eval"
    assert context.module.code_for_node(written_call(calls['RUNNERS["py"](cmd)'], aliases, {})) == "eval(cmd)"


def test_a_getattr_of_a_literal_name_is_a_call_of_the_attribute() -> None:
    context = _context("""
        import os

        def view(name, cmd):
            getattr(os, "system")(cmd)
            getattr(os, name)(cmd)
            getattr(os, "system", None)(cmd)
    """)
    assert "getattr()" in module_aliases(context)
    function = _function(context, "view")
    resolve = aliased_resolver(context.imports.qualified_name, function_aliases(function, context))
    calls = {context.module.code_for_node(call): call for call in own_nodes_of(function.body, cst.Call)
             if isinstance(call.func, cst.Call)}
    assert {code: resolve(call) for code, call in calls.items()} == {
        'getattr(os, "system")(cmd)': "os.system", "getattr(os, name)(cmd)": None,
        'getattr(os, "system", None)(cmd)': None}
    assert "getattr()" not in module_aliases(_context("import os\nrun = getattr(os, 'system')\n"))
