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
