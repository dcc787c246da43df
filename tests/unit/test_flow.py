"""The shared data-flow helper: source-order walking, propagation, bindings, sanitizers and visible checks."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from vibecheck.analysis.flow import (
    CALL,
    GRADIO_HANDLER,
    MAX_ALSO,
    PARAMETER,
    FlowState,
    HandlerRead,
    Taint,
    check_polarity,
    client_or_cli_source,
    iter_calls,
    parameter_roles,
    request_parameters,
    request_source,
    summarised_in,
    walk_block,
)
from vibecheck.imports import ImportTable


def tainted_at_calls(source: str, *, sanitizers: frozenset[str] = frozenset(),
                     checks_clear: bool = True) -> dict[str, Taint | None]:
    """Walk the first function of `source`; map the code of each `sink(...)` argument to its taint."""
    module = cst.parse_module(textwrap.dedent(source))
    imports = ImportTable.from_module(module)
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    state = FlowState(imports, request_source, sanitizer_names=sanitizers, checks_clear=checks_clear)
    objects, inputs, shadowed = request_parameters(function, imports)
    state.request_objects.update(objects)
    state.shadowed.update(shadowed)
    for name in inputs:
        state.names[name] = Taint("request", name)
    seen: dict[str, Taint | None] = {}

    def on_statement(node: cst.CSTNode, flow: FlowState) -> None:
        for inner in _calls(node):
            if isinstance(inner.func, cst.Name) and inner.func.value == "sink":
                seen[module.code_for_node(inner.args[0].value)] = flow.taint_of(inner.args[0].value)

    statements = [s for line in function.body.body for s in (line.body if isinstance(line, cst.SimpleStatementLine) else [line])]
    walk_block(statements, state, on_statement)
    return seen


def _calls(node: cst.CSTNode) -> list[cst.Call]:
    return list(iter_calls(node))


def test_direct_source_and_key() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            sink(request.args.get("name"))
    """)
    taint = seen['request.args.get("name")']
    assert taint is not None and taint.kind == "request" and taint.key == "name"


def test_propagates_through_assignments_fstrings_and_methods() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            raw = request.form["q"]
            cleaned = raw.strip().lower()
            message = f"hello {cleaned}"
            other = message
            sink(other)
            sink("%s!" % other)
            sink("a" + other)
            sink("{}".format(other))
            sink(str(other))
    """)
    assert all(seen[code] is not None for code in ("other", '"%s!" % other', '"a" + other', '"{}".format(other)', "str(other)"))


def test_reassignment_with_clean_value_clears() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            name = request.args["n"]
            name = "constant"
            sink(name)
    """)
    assert seen["name"] is None


def test_source_order_sink_before_assignment_is_clean() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            value = "fixed"
            sink(value)
            value = request.args["v"]
    """)
    assert seen["value"] is None


def test_tuple_unpacking_with_and_for_and_walrus() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            a, b = request.args["x"], "safe"
            with request.files["upload"].stream as handle:
                pass
            for item in request.json["items"]:
                sink(item)
            if (w := request.values.get("w")):
                sink(w)
            sink(a)
            sink(b)
            sink(handle)
    """)
    assert seen["a"] is not None and seen["b"] is None
    assert seen["item"] is not None and seen["w"] is not None and seen["handle"] is not None


def test_sanitizer_call_clears_and_unknown_call_does_not_propagate() -> None:
    seen = tainted_at_calls("""
        from flask import request
        from werkzeug.utils import secure_filename
        def view():
            name = secure_filename(request.args["f"])
            other = some_helper(request.args["f"])
            sink(name)
            sink(other)
    """, sanitizers=frozenset({"secure_filename"}))
    assert seen["name"] is None and seen["other"] is None


def test_visible_check_clears_only_when_enabled() -> None:
    source = """
        from flask import request
        def view():
            target = request.args["next"]
            if target not in ALLOWED:
                abort(400)
            sink(target)
    """
    assert tainted_at_calls(source)["target"] is None
    assert tainted_at_calls(source, checks_clear=False)["target"] is not None


def test_truthiness_test_is_not_a_check() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            target = request.args.get("next")
            if not target:
                abort(400)
            sink(target)
    """)
    assert seen["target"] is not None


def test_fastapi_route_parameters_and_request_objects() -> None:
    seen = tainted_at_calls("""
        from fastapi import Depends, FastAPI, Request
        app = FastAPI()
        @app.get("/items/{item_id}")
        async def read(item_id: str, req: Request, db=Depends(get_db)):
            body = await req.json()
            sink(item_id)
            sink(body)
            sink(db)
    """)
    assert seen["item_id"] is not None and seen["body"] is not None and seen["db"] is None


def test_llm_style_attribute_chain_of_tainted_value() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            resp = request.json
            sink(resp.choices[0].message.content)
    """)
    assert seen["resp.choices[0].message.content"] is not None


def test_http_client_request_parameter_is_not_client_input() -> None:
    seen = tainted_at_calls("""
        from ._models import Request
        def send(self, request: Request):
            sink(request.url)
            sink(request.headers["Host"])
    """)
    assert seen["request.url"] is None and seen['request.headers["Host"]'] is None


def test_local_variable_named_request_shadows_flask_global() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def build():
            request = make_outgoing()
            sink(request.headers)
    """)
    assert seen["request.headers"] is None


def test_django_view_url_captures() -> None:
    module = cst.parse_module("from django.http import HttpResponse\ndef article(request, slug):\n    pass\n")
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    objects, inputs, _ = request_parameters(function, ImportTable.from_module(module))
    assert objects == {"request"} and inputs == {"slug"}


def test_length_check_is_not_a_validation() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            target = request.args["next"]
            if len(target) > 200 or target is None:
                abort(400)
            sink(target)
    """)
    assert seen["target"] is not None


def test_existence_check_is_not_a_validation() -> None:
    seen = tainted_at_calls("""
        import os
        from flask import request
        def view():
            path = os.path.join("/srv", request.args["name"])
            if os.path.exists(path):
                sink(path)
    """)
    assert seen["path"] is not None


def test_cli_sources_are_separate_from_request_sources() -> None:
    module = cst.parse_module("import sys\ndef main():\n    sink(sys.argv[1])\n    sink(input('? '))\n")
    state = FlowState(ImportTable.from_module(module), client_or_cli_source)
    calls = [c for c in iter_calls(module.body[1].body.body[0].body[0])]
    assert state.taint_of(calls[0].args[0].value) is not None
    plain = FlowState(ImportTable.from_module(module), request_source)
    assert plain.taint_of(calls[0].args[0].value) is None


def test_branches_merge_and_terminating_branches_do_not() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            name = request.args["name"]
            if not name:
                name = "default"
            sink(name)
            other = request.args["other"]
            if other:
                other = "fixed"
            else:
                return None
            sink(other)
    """)
    assert seen["name"] is not None and seen["other"] is None


def test_loop_carries_taint_to_an_earlier_statement() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            path = "index"
            for _ in range(3):
                sink(path)
                path = request.args["next"]
    """)
    assert seen["path"] is not None


def test_checks_that_do_not_protect_leave_the_taint() -> None:
    seen = tainted_at_calls("""
        import os
        from flask import abort, request
        def view():
            name = request.args["name"]
            url = request.args["url"]
            host = request.args["host"]
            if os.path.splitext(name)[1] not in {".png"} or "http://" in url or host.endswith("example.com"):
                abort(400)
            sink(name)
            sink(url)
            sink(host)
    """)
    assert all(seen[key] is not None for key in ("name", "url", "host"))


def test_a_comprehension_of_sanitised_items_is_clean() -> None:
    seen = tainted_at_calls("""
        import re
        from flask import request
        def view():
            words = request.get_json()["words"]
            sink("|".join(re.escape(w) for w in words))
            sink("|".join(w.strip() for w in words))
            sink({w: re.escape(w) for w in words})
    """, sanitizers=frozenset({"re.escape"}))
    assert seen['"|".join(re.escape(w) for w in words)'] is None
    assert seen['"|".join(w.strip() for w in words)'] is not None
    assert seen["{w: re.escape(w) for w in words}"] is not None  # the keys are the client's words


def test_a_tornado_handlers_verb_parameters_are_inputs_only_when_asked() -> None:
    module = cst.parse_module("import tornado.web\ndef get(self, slug):\n    pass\n")
    imports = ImportTable.from_module(module)
    method = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    assert request_parameters(method, imports, handler_method=True)[1] == {"slug"}
    assert request_parameters(method, imports)[1] == set()


def _first_function(source: str) -> tuple[cst.FunctionDef, ImportTable]:
    module = cst.parse_module(textwrap.dedent(source))
    return next(s for s in module.body if isinstance(s, cst.FunctionDef)), ImportTable.from_module(module)


def test_an_mcp_tools_parameters_are_inputs_but_its_context_and_numbers() -> None:
    tool, imports = _first_function("""
        from mcp.server.fastmcp import Context, FastMCP
        @mcp.tool()
        def run(command: str, ctx: Context, lines: int, options):
            pass
    """)
    assert request_parameters(tool, imports)[1] == {"command", "options"}
    assert request_parameters(tool, imports, scalars=True)[1] == {"command", "options", "lines"}


def test_one_reading_of_a_signature_answers_with_and_without_numbers() -> None:
    """`parameter_roles` reads the signature once for both answers: numbers (a typed route capture, an `int`
    parameter, a GraphQL argument) are input only in the answer that counts them; the rest is the same in both."""
    route, imports = _first_function("""
        from flask import Flask, request
        @app.route("/users/<int:user_id>/files/<name>")
        def show(user_id, name, page: int, request: Request):
            pass
    """)
    roles = parameter_roles(route, imports)
    assert roles[True][1] == {"user_id", "name", "page"}
    assert roles[False][1] == {"name"}
    assert roles[True][0] == roles[False][0] == {"request"}
    resolver, imports = _first_function("""
        import strawberry
        @strawberry.field
        def order(self, info, order_id: int, note: str, request: int):
            pass
    """)
    roles = parameter_roles(resolver, imports)
    assert roles[True][1] == {"order_id", "note", "request"}
    assert roles[False][1] == {"note"}
    assert "request" not in roles[True][2] and "request" in roles[False][2]
    for scalars in (True, False):
        assert request_parameters(resolver, imports, scalars=scalars) == roles[scalars]


def test_a_tool_decorator_outside_an_mcp_module_is_no_source() -> None:
    tool, imports = _first_function("""
        import click
        @registry.tool()
        def run(command: str):
            pass
    """)
    assert request_parameters(tool, imports)[1] == set()


def test_a_gradio_handler_takes_input_only_when_named_as_one() -> None:
    handler, imports = _first_function("""
        import gradio as gr
        def respond(message, history):
            pass
    """)
    assert request_parameters(handler, imports, handlers=frozenset({"respond"}))[1] == {"message", "history"}
    assert request_parameters(handler, imports)[1] == set()


def test_the_gradio_handlers_are_the_functions_passed_to_events_and_interfaces() -> None:
    assert set(GRADIO_HANDLER.findall(
        "gr.Interface(fn=calc, inputs='text')\nbtn.click(run, inputs=x)\ngr.ChatInterface(respond)\n"
        "box.submit(fn=send)\njson.load(fh)\nbtn.click(lambda x: x, inputs=y)\nsearch.change(  lookup )\n"
    )) == {"calc", "run", "respond", "send", "fh", "lookup"}  # `fh`: no function of the module, so no harm


def test_a_value_holding_a_parameter_and_a_call_result_remembers_both() -> None:
    state = FlowState(ImportTable(), request_source)
    state.names.update(root=Taint(PARAMETER, "root"), entry=Taint(CALL, "local:plan"))
    joined = cst.parse_expression('os.path.join(root, entry["path"], root)')
    taint = state.taint_of(joined)
    assert taint is not None and (taint.kind, taint.origin) == (PARAMETER, "root")
    assert summarised_in(joined, state, taint) == [(PARAMETER, "root"), (CALL, "local:plan")]
    state.names.update((f"p{index}", Taint(PARAMETER, f"p{index}")) for index in range(40))
    chain = state.taint_of(cst.parse_expression(" + ".join(f"p{index}" for index in range(40))))
    assert chain is not None and len(chain.also) == MAX_ALSO


def test_a_validators_verdict_bound_to_a_name_checks_its_argument() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            target = request.args["next"]
            url_is_safe = url_has_allowed_host_and_scheme(url=target, allowed_hosts=HOSTS)
            sink(target if url_is_safe else "/")
            sink(target if loaded else "/")
            loaded = json.loads(target)
            sink(target if loaded else "/")
    """)
    assert seen['target if url_is_safe else "/"'] is None
    assert seen['target if loaded else "/"'] is not None  # a parsed value is no verdict


def test_a_validators_verdict_unpacked_with_its_reason_checks_its_argument() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            path = request.args["path"]
            allowed, reason = is_allowed_file(path, blocked_paths=BLOCKED)
            sink(path if allowed else None)
            name, size = parse_upload(path)
            sink(path if name else None)
    """)
    assert seen["path if allowed else None"] is None
    assert seen["path if name else None"] is not None  # a parsed value is no verdict


def test_the_temporary_file_of_an_upload_is_the_servers_path_and_its_filename_the_clients() -> None:
    seen = tainted_at_calls("""
        from flask import request
        def view():
            upload = request.files["document"]
            sink(upload.file.name)
            sink(upload.filename)
            sink(upload.name)
    """)
    assert seen["upload.file.name"] is None
    assert seen["upload.filename"] is not None
    assert seen["upload.name"] is not None  # Django's `UploadedFile.name` is the client's file name


def test_a_comprehension_whose_element_sanitises_each_use_of_its_items_is_clean() -> None:
    seen = tainted_at_calls("""
        import html
        from flask import request
        def view():
            tags = request.args.getlist("t")
            x = request.args["x"]
            sink("".join(f"<li>{html.escape(t)}</li>" for t in tags))
            sink("".join("<li>%s</li>" % html.escape(t) for t in tags))
            sink("".join(f"<li>{html.escape(k)}={v}</li>" for k, v in request.args.items()))
            sink("".join(f"<li>{len(t)}: {t}</li>" for t in tags))
            sink([html.escape(x) for x in tags])
            sink(x)
    """, sanitizers=frozenset({"html.escape"}))
    assert seen['"".join(f"<li>{html.escape(t)}</li>" for t in tags)'] is None
    assert seen['"".join("<li>%s</li>" % html.escape(t) for t in tags)'] is None
    assert seen['"".join(f"<li>{html.escape(k)}={v}</li>" for k, v in request.args.items())'] is not None
    assert seen['"".join(f"<li>{len(t)}: {t}</li>" for t in tags)'] is not None
    assert seen["[html.escape(x) for x in tags]"] is None
    held = seen["x"]  # the question's stand-in binding of `x` is undone
    assert held is not None and held.origin == "request.args" and held.key == "x"


@pytest.mark.parametrize(("test", "holds_in_body"), [
    ("command in ALLOWED", True),
    ("is_safe(path)", True),
    ("user and command in ALLOWED", True),
    ("command not in ALLOWED", False),
    ("not is_safe(path)", False),
    ("not command or command not in ALLOWED", False),
    ("a in A or b in B", None),
    ("len(name) < 10", None),
    ("command in ALLOWED and other not in DENIED", None),
])
def test_a_check_holds_in_the_branch_its_polarity_names(test: str, holds_in_body: bool | None) -> None:
    """`if x in ALLOWED:` checks `x` in its body only; `if x not in ALLOWED:` in its `else` and after a body that leaves."""
    assert check_polarity(cst.parse_expression(test)) is holds_in_body


def test_a_value_read_through_handler_getters_names_every_read_and_only_then() -> None:
    seen = tainted_at_calls("""
        import tornado.web
        from flask import request
        def get(self, flag):
            name = self.get_argument("name")
            both = f"{name}{self.get_argument('tag')}"
            mixed = name + request.args["x"]
            if flag:
                either = name
            else:
                either = request.args["y"]
            parts = [name]
            parts.append(request.args["z"])
            sink(name)
            sink(both)
            sink("{}{}".format(name, name))
            sink(mixed)
            sink(either)
            sink(parts)
            sink(name.replace("*", request.args["w"]))
    """)
    reads = {code: [cst.Module([]).code_for_node(call) for call in taint.calls] if isinstance(taint, HandlerRead) else []
             for code, taint in seen.items() if taint is not None}
    assert reads['name'] == ['self.get_argument("name")']
    assert reads['both'] == ['self.get_argument("name")', "self.get_argument('tag')"]
    assert reads['"{}{}".format(name, name)'] == ['self.get_argument("name")']
    # other client data in the value (or in a branch): the getter's read is no longer all of it
    assert all(reads[code] == [] for code in ("mixed", "either", "parts", 'name.replace("*", request.args["w"])'))
    mixed = seen["mixed"]
    assert mixed is not None and mixed.origin == 'self.get_argument("name")'  # (still the first, as messages name)
