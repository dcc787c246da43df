"""Handlers that only answer: a POST that renders a page from what it reads and changes nothing.

django-two-factor-auth's `TwilioCallApp.post` renders the TwiML that Twilio's voice call reads out; its POST writes no
record, touches no session and calls out to nothing. Such a body is proven inert, never guessed so by names: every call
in it (and in the methods of its class it calls, `self.create_response(...)`) is a renderer (Django's, Flask's and
Quart's `render_template`, a Jinja template's `env.get_template(name).render(...)`), a translation, a builtin
that acts on nothing outside, a read of the request, a form built and checked (`form = SearchForm()`,
`form.validate_on_submit()`), a read of stored records by the ORM's query API (`Post.query.filter(...).all()`,
`Item.objects.filter(...)`, `db.session.query(...)`: such a POST answers a search, and reads, which VC219 judges; with
SQLAlchemy's clause functions, `order_by(desc(User.id))`, also through a local bound only to them, `order_func = asc`), a
method that only reads of an object the view made (`params.get("q")`, `Post.title.contains(q)`), or a function imported
from the project, which the app model accepts only if that function is inert too (`inert_functions`). So is a method
of a form the view built from a class it imports (`form = self.form()`, `form.get_results()`: FlaskBB's search), which
the app model accepts only if the form's module records that method as one that at most reads (`form_methods_read`),
and the query reads of what it returns (`form.get_results().paginate(...)`).
Any other call (a library's, any other method: `query.delete()`, `db.session.add(...)`, `form.save()`), a store into
anything but a local name or the view instance (`request.session["x"] = 1`), or a `del` acts.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping
from typing import NamedTuple

import libcst as cst

from vibecheck.cst_fields import walk_own
from vibecheck.imports import full_name

# Library calls that build the answer (Django's renderers and responses), and those that read without acting.
RENDERING_CALLS = frozenset({
    "django.template.response.TemplateResponse", "django.template.response.SimpleTemplateResponse",
    "django.shortcuts.render", "django.template.loader.render_to_string", "django.http.HttpResponse",
    "django.http.JsonResponse", "flask.render_template", "flask.render_template_string", "flask.jsonify",
    "flask.make_response", "flask.templating.render_template", "quart.render_template", "quart.render_template_string",
    # Flask-Themes' renderer of a template of the chosen theme (FlaskBB's `render_template` helper calls it)
    "flask_themes2.render_theme_template", "flask_themes.render_theme_template",
})
# Jinja's template classes: `Template(text).render(...)` renders as `env.get_template(name).render(...)` does.
TEMPLATE_CLASSES = frozenset({"jinja2.Template", "jinja2.environment.Template"})
READING_CALLS = frozenset({"django.contrib.sites.shortcuts.get_current_site"})
# SQLAlchemy's functions that only build a clause of a query (`order_by(desc(User.id))`): they run no statement.
QUERY_CLAUSES = frozenset({f"sqlalchemy.{name}" for name in ("asc", "desc", "and_", "or_", "not_", "nulls_first",
                                                             "nulls_last", "nullsfirst", "nullslast")})
READING_MODULES = ("django.utils.translation.",)
# Builtins that reach outside the program or change other objects: any other builtin only computes.
ACTING_BUILTINS = frozenset({"open", "exec", "eval", "compile", "setattr", "delattr", "input", "breakpoint",
                             "__import__", "globals", "vars"})
PURE_BUILTINS = frozenset(dir(builtins)) - ACTING_BUILTINS
# Reads of the request's data: `request.GET.get("locale")`, `self.request.headers.get(...)`, `self.kwargs.get(...)`.
READ_METHODS = frozenset({"get", "getlist", "items", "keys", "values"})
READ_HOLDERS = frozenset({"GET", "POST", "headers", "META", "COOKIES", "kwargs",
                          "args", "form", "values", "cookies", "query_params"})  # Flask's, Quart's and Starlette's
# The ORM's query API: a chain from `Model.query` or `Model.objects` (or a session's `query(...)`) through these methods
# reads stored records and changes none (`delete()`, `update()` are not among them).
QUERY_HOLDERS = frozenset({"query", "objects"})
QUERY_READS = frozenset({"filter", "filter_by", "where", "exclude", "order_by", "group_by", "having", "join", "outerjoin",
                         "options", "distinct", "limit", "offset", "only", "defer", "select_related", "prefetch_related",
                         "annotate", "values", "values_list", "all", "first", "one", "one_or_none", "scalar", "count",
                         "exists", "get", "get_or_404", "first_or_404", "one_or_404", "paginate",
                         "whooshee_search"})  # (Flask-Whooshee's full-text search of a model's query)
SESSION_READS = frozenset({"query", "get", "scalars", "scalar"})  # `db.session.query(User)`, `session.get(User, 3)`
# The signed cookie a Flask or Quart app keeps per visitor, not a database session: `session.get("theme")` reads it.
COOKIE_SESSIONS = frozenset({"flask.session", "quart.session"})
# Methods that only read or compute, on an object the view made or an attribute (`params.get("q")`, `name.lower()`,
# SQLAlchemy's column operators `Post.title.contains(q)`), never on an imported module or object itself
# (`requests.get(url)`, `cache.get(key)`); and the checks of a form (WTForms', Django's), which change nothing.
PURE_METHODS = frozenset({"get", "items", "keys", "values", "lower", "upper", "strip", "split", "startswith", "endswith",
                          "format", "contains", "like", "ilike", "in_", "desc", "asc", "validate", "validate_on_submit",
                          "is_valid", "get_template"})
# A form class's constructor (the project's `SearchForm(request.form)`, WTForms' `Form`): it binds the request's data.
FORM_SUFFIX = "Form"
# The form libraries' own methods that write what the form holds: into an object (WTForms), into the database (Django's
# `ModelForm.save()`).
FORM_WRITES = frozenset({"populate_obj", "save"})

Qualify = Callable[[cst.CSTNode], "str | None"]


# Containers a function fills may be built by these literals (`results = {}`): storing into their items acts on nothing.
CONTAINER_LITERALS = (cst.Dict, cst.List, cst.Set, cst.DictComp, cst.ListComp, cst.SetComp)


class Answer(NamedTuple):
    """What a handler that only answers calls: the names imported into its module (`validate_voice_locale`), which
    change nothing only if the project defines them inert, and whether it reads stored records."""

    refs: list[str]
    reads: bool


def inert_refs(function: cst.FunctionDef, methods: Mapping[str, cst.FunctionDef], qualified: Qualify,
               imported: frozenset[str], *, must_render: bool = True,
               attributes: Mapping[str, cst.BaseExpression] | None = None) -> Answer | None:
    """None when `function` (or a method of its class it calls) may act, or when `must_render` and it renders no
    answer (a stub's `return None` says nothing of what the real handler does); otherwise what it calls."""
    refs: set[str] = set()
    renders = reads = imports = False
    seen = {function.name.value}
    pending = [function]
    while pending:
        current = pending.pop()
        forms = _form_instances(current, attributes, imported)
        clauses = _clause_aliases(current, qualified, imported)
        for node in walk_own(current.body):
            if type(node) is cst.Call:
                outcome = _call(_through_attribute(node, attributes), methods, qualified, imported, forms, clauses)
                if outcome is None:
                    return None
                kind, name = outcome
                if kind == "method" and name not in seen:
                    seen.add(name)
                    pending.append(methods[name])
                elif kind in ("import", "form"):
                    refs.add(name)
                    imports = imports or kind == "import"
                renders = renders or kind == "render"
                reads = reads or kind in ("read", "form")  # (a form's method may read stored records)
            elif type(node) in (cst.Del, cst.Global, cst.Nonlocal) or not _stores_locally(node):
                return None
    # (a call of a project function, which the app model accepts only if it changes nothing, is no stub: it renders,
    # as FlaskBB's `render_template` helper does)
    return Answer(sorted(refs), reads) if renders or not must_render or imports else None


def changes_nothing(function: cst.FunctionDef, qualified: Qualify, imported: frozenset[str]) -> bool:
    """`inert_refs(function, {}, qualified, imported, must_render=False) == Answer([], False)`: a module-level function
    that acts on nothing, reads no stored record and calls no function imported into its module (`INERT_FUNCTIONS`).
    Stops at the first such call too, which `inert_refs` must walk past to list them all: the app model asks it of
    every module-level function of every file."""
    for node in walk_own(function.body):
        if type(node) is cst.Call:
            outcome = _call(node, {}, qualified, imported)
            if outcome is None or outcome[0] in ("import", "read"):
                return False
        elif type(node) in (cst.Del, cst.Global, cst.Nonlocal) or not _stores_locally(node):
            return False
    return True


def form_methods_read(node: cst.ClassDef, qualified: Qualify, imported: frozenset[str]) -> list[str]:
    """`Form.method` for each method of a form class (`class SearchPageForm(FlaskForm)`) that at most reads: it reads
    stored records by the query API (also through a table of query methods it made, `search_actions[kind](query)`),
    reads its fields (`self.search_query.data`) and fills containers it made (`results[kind] = ...`), and calls no
    function imported into its module, no method of its class and nothing else."""
    if not node.name.value.endswith(FORM_SUFFIX) or type(node.body) is not cst.IndentedBlock:
        return []
    return [f"{node.name.value}.{method.name.value}" for method in node.body.body
            if type(method) is cst.FunctionDef and _reads_at_most(method, qualified, imported)]


def _reads_at_most(function: cst.FunctionDef, qualified: Qualify, imported: frozenset[str]) -> bool:
    containers = _bound_only_to(function, lambda value: type(value) in CONTAINER_LITERALS)
    tables = _bound_only_to(function, _query_table)
    for node in walk_own(function.body):
        if type(node) is cst.Call:
            func = node.func
            if type(func) is cst.Subscript and type(func.value) is cst.Name and func.value.value in tables:
                continue  # `search_actions[kind](query)`: one of the query reads of the table
            outcome = _call(node, {}, qualified, imported)
            if outcome is None or outcome[0] == "import":
                return False
        elif type(node) in (cst.Del, cst.Global, cst.Nonlocal) or not _stores_locally(node, containers):
            return False
    return True


def _query_table(value: cst.BaseExpression) -> bool:
    """`{"post": Post.query.whooshee_search, "user": User.query.filter_by}`: a dict of the query API's read methods."""
    return type(value) is cst.Dict and bool(value.elements) and all(
        type(element) is cst.DictElement and type(element.value) is cst.Attribute
        and element.value.attr.value in QUERY_READS and _query(element.value.value) for element in value.elements)


def _bound_only_to(function: cst.FunctionDef, accepts: Callable[[cst.BaseExpression], bool]) -> frozenset[str]:
    """The names that every assignment in `function` binds to a value `accepts`, and nothing else binds."""
    verdicts: dict[str, bool] = {}
    for node in walk_own(function.body):
        if type(node) is cst.Assign:
            for target in node.targets:
                if type(target.target) is cst.Name:
                    name = target.target.value
                    verdicts[name] = verdicts.get(name, True) and accepts(node.value)
        elif type(node) in (cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr, cst.CompFor):
            target = node.target  # type: ignore[attr-defined]
            if type(target) is cst.Name:
                verdicts[target.value] = False
    return frozenset(name for name, verdict in verdicts.items() if verdict)


def _clause_aliases(function: cst.FunctionDef, qualified: Qualify, imported: frozenset[str]) -> frozenset[str]:
    """The function's names bound only to a query-clause function (`order_func = asc` or `desc`, FlaskBB's member
    list): calling one builds part of a query, as `asc(...)` does."""
    return _bound_only_to(function, lambda value: type(value) is cst.Name and value.value in imported
                          and qualified(value) in QUERY_CLAUSES)


def _form_instances(function: cst.FunctionDef, attributes: Mapping[str, cst.BaseExpression] | None,
                    imported: frozenset[str]) -> dict[str, str]:
    """The handler's names bound only to a form built from a class imported into its module (`form = self.form()`
    with `form = SearchPageForm`, `form = SearchPageForm(request.form)`) -> that class as imported."""
    def form_class(value: cst.BaseExpression) -> str | None:
        if type(value) is not cst.Call:
            return None
        func = _through_attribute(value, attributes).func
        return func.value if type(func) is cst.Name and func.value in imported \
            and func.value.endswith(FORM_SUFFIX) else None

    names = _bound_only_to(function, lambda value: form_class(value) is not None)
    classes: dict[str, str] = {}
    for node in walk_own(function.body):
        if type(node) is cst.Assign and type(node.targets[0].target) is cst.Name \
                and node.targets[0].target.value in names:
            classes[node.targets[0].target.value] = form_class(node.value) or ""
    return classes


def _call(node: cst.Call, methods: Mapping[str, cst.FunctionDef], qualified: Qualify,
          imported: frozenset[str], forms: Mapping[str, str] | None = None,
          clauses: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    func = node.func
    if type(func) is cst.Name:
        if func.value in clauses:
            return "answer", func.value
        if func.value in imported:
            return _answer(qualified(func) or "") or ("import", func.value)
        return ("answer", func.value) if func.value in PURE_BUILTINS else None
    if type(func) is not cst.Attribute:
        return None
    method = func.attr.value
    receiver = func.value
    if type(receiver) is cst.Name and receiver.value == "self" and method in methods:
        return "method", method
    if method in READ_METHODS and type(receiver) is cst.Attribute and receiver.attr.value in READ_HOLDERS:
        return "answer", method
    if method in READ_METHODS and type(receiver) is cst.Name and qualified(receiver) in COOKIE_SESSIONS:
        return "answer", method
    if method in QUERY_READS and _query(receiver) or method in SESSION_READS and _session(receiver):
        return "read", method
    if method in QUERY_READS and forms and (read := _form_read(receiver, forms)) is not None:
        return "form", read  # `form.get_results().paginate(...)`: a read of what the form's reading method returns
    if method == "render" and type(receiver) is cst.Call and (
            type(receiver.func) is cst.Attribute and receiver.func.attr.value == "get_template"
            or qualified(receiver.func) in TEMPLATE_CLASSES):
        return "render", method
    if method in PURE_METHODS and not (type(receiver) is cst.Name and receiver.value in imported):
        return "answer", method
    if forms and type(receiver) is cst.Name and forms.get(receiver.value):
        return None if method in FORM_WRITES else ("form", f"{forms[receiver.value]}.{method}")
    return _answer(qualified(func) or "")


def _form_read(node: cst.BaseExpression, forms: Mapping[str, str]) -> str | None:
    """`form.get_results()`, or a chain of query reads from it: `Form.get_results`, which the app model accepts only if
    the form's module records it as reading at most (a query it returns is then read, not written, by `paginate`)."""
    while type(node) is cst.Call and type(node.func) is cst.Attribute:
        receiver = node.func.value
        if type(receiver) is cst.Name and forms.get(receiver.value):
            method = node.func.attr.value
            return None if method in FORM_WRITES else f"{forms[receiver.value]}.{method}"
        if node.func.attr.value not in QUERY_READS:
            return None
        node = receiver
    return None


def class_attributes(node: cst.ClassDef) -> dict[str, cst.BaseExpression]:
    """A class body's names bound to a name or a dotted name (`form = SearchForm`, `form_class = forms.PostForm`)."""
    found: dict[str, cst.BaseExpression] = {}
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    for line in body:
        for statement in line.body if type(line) is cst.SimpleStatementLine else ():
            if type(statement) is cst.Assign and len(statement.targets) == 1 \
                    and type(statement.targets[0].target) is cst.Name and type(statement.value) in (cst.Name, cst.Attribute):
                found[statement.targets[0].target.value] = statement.value
    return found


def _through_attribute(node: cst.Call, attributes: Mapping[str, cst.BaseExpression] | None) -> cst.Call:
    """`self.form(...)` as the call of what the class attribute `form` names (`SearchForm(...)`)."""
    func = node.func
    if attributes and type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == "self" \
            and func.attr.value in attributes:
        return node.with_changes(func=attributes[func.attr.value])
    return node


def _query(node: cst.BaseExpression) -> bool:
    """`Post.query`, `Item.objects`, or a chain of reads from one (`Post.query.filter(...)`, `db.session.query(Post)`)."""
    if type(node) is cst.Attribute:
        return node.attr.value in QUERY_HOLDERS
    if type(node) is not cst.Call or type(node.func) is not cst.Attribute:
        return False
    method = node.func.attr.value
    return method in QUERY_READS and _query(node.func.value) or method == "query" and _session(node.func.value)


def _session(node: cst.BaseExpression) -> bool:
    """A database session by name: `session`, `db.session`, `self.session`."""
    return type(node) is cst.Name and node.value == "session" \
        or type(node) is cst.Attribute and node.attr.value == "session"


def _answer(name: str) -> tuple[str, str] | None:
    """A renderer's call (`render`, the page the POST answers with), a translation's (`answer`), or None."""
    if name in RENDERING_CALLS:
        return "render", name
    if name in TEMPLATE_CLASSES or name.rpartition(".")[2].endswith(FORM_SUFFIX):
        return "answer", name
    return ("answer", name) if name in READING_CALLS or name.startswith(READING_MODULES) else None


def _stores_locally(node: cst.CSTNode, containers: frozenset[str] = frozenset()) -> bool:
    """An assignment stores into a local name, the view instance (`self.object = ...`, not the request's session) or
    an item of a container the function made (`containers`: `results[kind] = ...`)."""
    if type(node) is cst.Assign:
        targets = [t.target for t in node.targets]
    elif type(node) in (cst.AugAssign, cst.AnnAssign):
        targets = [node.target]  # type: ignore[attr-defined]
    else:
        return True
    return all(_local_target(t, containers) for t in targets)


def _local_target(target: cst.BaseExpression, containers: frozenset[str]) -> bool:
    if type(target) in (cst.Tuple, cst.List):
        return all(_local_target(e.value, containers) for e in target.elements)  # type: ignore[attr-defined]
    if type(target) is cst.Subscript:
        return type(target.value) is cst.Name and target.value.value in containers
    return type(target) is cst.Name or (type(target) is cst.Attribute and full_name(target.value) == "self"
                                        and target.attr.value != "request")
