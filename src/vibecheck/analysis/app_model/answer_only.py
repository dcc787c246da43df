"""Handlers that only answer: a POST that renders a page from what it reads and changes nothing.

django-two-factor-auth's `TwilioCallApp.post` renders the TwiML that Twilio's voice call reads out; its POST writes no
record, touches no session and calls out to nothing. Such a body is proven inert, never guessed so by names: every call
in it (and in the methods of its class it calls, `self.create_response(...)`) is a renderer, a translation, a builtin
that acts on nothing outside, a read of the request, or a function imported from the project, which the app model
accepts only if that function is inert too (`inert_functions`). Any other call (a library's, an object's method), a
store into anything but a local name or the view instance (`request.session["x"] = 1`), or a `del` acts.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping

import libcst as cst

from vibecheck.cst_fields import walk_own
from vibecheck.imports import full_name

# Library calls that build the answer (Django's renderers and responses), and those that read without acting.
RENDERING_CALLS = frozenset({
    "django.template.response.TemplateResponse", "django.template.response.SimpleTemplateResponse",
    "django.shortcuts.render", "django.template.loader.render_to_string", "django.http.HttpResponse",
    "django.http.JsonResponse",
})
READING_CALLS = frozenset({"django.contrib.sites.shortcuts.get_current_site"})
READING_MODULES = ("django.utils.translation.",)
# Builtins that reach outside the program or change other objects: any other builtin only computes.
ACTING_BUILTINS = frozenset({"open", "exec", "eval", "compile", "setattr", "delattr", "input", "breakpoint",
                             "__import__", "globals", "vars"})
PURE_BUILTINS = frozenset(dir(builtins)) - ACTING_BUILTINS
# Reads of the request's data: `request.GET.get("locale")`, `self.request.headers.get(...)`, `self.kwargs.get(...)`.
READ_METHODS = frozenset({"get", "getlist", "items", "keys", "values"})
READ_HOLDERS = frozenset({"GET", "POST", "headers", "META", "COOKIES", "kwargs"})

Qualify = Callable[[cst.CSTNode], "str | None"]


def inert_refs(function: cst.FunctionDef, methods: Mapping[str, cst.FunctionDef], qualified: Qualify,
               imported: frozenset[str], *, must_render: bool = True) -> list[str] | None:
    """None when `function` (or a method of its class it calls) may act, or when `must_render` and it renders no
    answer (a stub's `return None` says nothing of what the real handler does); otherwise the names imported into the
    module it calls (`validate_voice_locale`), which change nothing only if the project defines them inert."""
    refs: set[str] = set()
    renders = False
    seen = {function.name.value}
    pending = [function]
    while pending:
        for node in walk_own(pending.pop().body):
            if type(node) is cst.Call:
                outcome = _call(node, methods, qualified, imported)
                if outcome is None:
                    return None
                kind, name = outcome
                if kind == "method" and name not in seen:
                    seen.add(name)
                    pending.append(methods[name])
                elif kind == "import":
                    refs.add(name)
                renders = renders or kind == "render"
            elif type(node) in (cst.Del, cst.Global, cst.Nonlocal) or not _stores_locally(node):
                return None
    return sorted(refs) if renders or not must_render else None


def changes_nothing(function: cst.FunctionDef, qualified: Qualify, imported: frozenset[str]) -> bool:
    """`inert_refs(function, {}, qualified, imported, must_render=False) == []`: a module-level function that acts on
    nothing and calls no function imported into its module (`INERT_FUNCTIONS`). Stops at the first such call too, which
    `inert_refs` must walk past to list them all: the app model asks it of every module-level function of every file."""
    for node in walk_own(function.body):
        if type(node) is cst.Call:
            outcome = _call(node, {}, qualified, imported)
            if outcome is None or outcome[0] == "import":
                return False
        elif type(node) in (cst.Del, cst.Global, cst.Nonlocal) or not _stores_locally(node):
            return False
    return True


def _call(node: cst.Call, methods: Mapping[str, cst.FunctionDef], qualified: Qualify,
          imported: frozenset[str]) -> tuple[str, str] | None:
    func = node.func
    if type(func) is cst.Name:
        if func.value in imported:
            return _answer(qualified(func) or "") or ("import", func.value)
        return ("answer", func.value) if func.value in PURE_BUILTINS else None
    if type(func) is not cst.Attribute:
        return None
    if type(func.value) is cst.Name and func.value.value == "self" and func.attr.value in methods:
        return "method", func.attr.value
    if func.attr.value in READ_METHODS and type(func.value) is cst.Attribute and func.value.attr.value in READ_HOLDERS:
        return "answer", func.attr.value
    return _answer(qualified(func) or "")


def _answer(name: str) -> tuple[str, str] | None:
    """A renderer's call (`render`, the page the POST answers with), a translation's (`answer`), or None."""
    if name in RENDERING_CALLS:
        return "render", name
    return ("answer", name) if name in READING_CALLS or name.startswith(READING_MODULES) else None


def _stores_locally(node: cst.CSTNode) -> bool:
    """An assignment stores into a local name or the view instance (`self.object = ...`), not the request's session."""
    if type(node) is cst.Assign:
        targets = [t.target for t in node.targets]
    elif type(node) in (cst.AugAssign, cst.AnnAssign):
        targets = [node.target]  # type: ignore[attr-defined]
    else:
        return True
    return all(_local_target(t) for t in targets)


def _local_target(target: cst.BaseExpression) -> bool:
    if type(target) in (cst.Tuple, cst.List):
        return all(_local_target(e.value) for e in target.elements)  # type: ignore[attr-defined]
    return type(target) is cst.Name or (type(target) is cst.Attribute and full_name(target.value) == "self"
                                        and target.attr.value != "request")
