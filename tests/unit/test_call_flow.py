"""The inter-procedural join of `vibecheck.analysis.call_flow` on summaries made by hand."""

from __future__ import annotations

from typing import Any

import pytest

from vibecheck.analysis.call_flow import CallGraph, locate
from vibecheck.analysis.summary_keys import CALL, INSTANCES, OBJECT, PARAMETER


def _helper(index: int, helpers: int) -> dict[str, Any]:
    """`f<index>(v)`: runs `os.system(v)` and passes `v` to every helper, itself included (a dense call graph)."""
    return {"parameters": ["v"], "returns": [],
            "sinks": [[PARAMETER, "v", "Shell.", "", [78], "v", "high", f"os.system(v)  # f{index}"]],
            "calls": [[f"local:f{other}", 0, PARAMETER, "v"] for other in range(helpers)]}


def test_a_dense_call_graph_is_joined_once_per_function_not_once_per_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 helpers that each pass their parameter to all 30: 27,000 paths of three calls, 30 sinks at their ends."""
    helpers = 30
    graph = CallGraph({"app": {f"f{i}": _helper(i, helpers) for i in range(helpers)}})
    looked_up = []
    resolve = graph.resolve
    monkeypatch.setattr(graph, "resolve", lambda callee, module: looked_up.append(callee) or resolve(callee, module))
    found = list(graph.parameter_sinks(("app", "f0"), "v", shape=""))
    assert len(looked_up) <= 3 * helpers * helpers  # each function's calls once per depth, not once per path
    assert sorted(key[1] for key, _, _ in found) == sorted(f"f{i}" for i in range(helpers))
    chain = {key[1]: chain for key, _, chain in found}["f7"]
    assert chain[0] == "f0" and chain[-1] == "f7" and len(chain) <= 3  # each sink once, with the first chain to it


def test_functions_returning_one_of_many_calls_are_looked_into_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 functions that each return a call of any of the 30, none carrying client data: 27,000 ways, 90 answers."""
    functions = 30
    returns = [[CALL, f"local:f{other}"] for other in range(functions)]
    graph = CallGraph({"app": {f"f{i}": {"parameters": [], "sinks": [], "calls": [], "returns": returns}
                               for i in range(functions)}})
    looked_up = []
    resolve = graph.resolve
    monkeypatch.setattr(graph, "resolve", lambda callee, module: looked_up.append(callee) or resolve(callee, module))
    assert graph.returned_origin(("app", "f0"), frozenset({"request"})) is None
    assert len(looked_up) <= 3 * functions * functions


def test_a_returned_call_carries_the_client_data_of_the_function_it_calls() -> None:
    graph = CallGraph({"app": {"outer": {"parameters": [], "sinks": [], "calls": [], "returns": [[CALL, "local:inner"]]},
                               "inner": {"parameters": [], "sinks": [], "calls": [],
                                         "returns": [["request", "request.args", OBJECT]]}}})
    # the shape comes along: OBJECT, a client's object that `inner` returned as it came
    assert graph.returned_origin(("app", "outer"), frozenset({"request"})) == ("request.args` in `inner()", OBJECT)
    assert graph.returned_origin(("app", "outer"), frozenset({"llm"})) is None


def _sink_on(parameter: str) -> list[Any]:
    return [PARAMETER, parameter, "Regex.", "", [730], parameter, "medium", f"re.compile({parameter})"]


def test_client_data_a_method_keeps_in_an_attribute_reaches_the_other_methods_sinks() -> None:
    """`self.term = request.args["q"]` in `__init__`, `re.compile(self.term)` in `match`: one flow, reported once."""
    view = {"View.__init__": {"parameters": ["self", "request"], "sinks": [], "calls": [], "returns": [],
                              "kept": [["self.term", "request", "request.args"]]},
            "View.match": {"parameters": ["self"], "sinks": [_sink_on("self.term")], "calls": [], "returns": []},
            "View.limit": {"parameters": ["self"], "sinks": [_sink_on("self.size")], "calls": [], "returns": []}}
    found = list(CallGraph({"app": view}).joined(frozenset({"request"})))
    assert [(key[1], origin, chain) for key, _, origin, chain in found] == [
        ("View.match", "request.args` in `View.__init__()", ("View.__init__", "View.match"))]
    assert list(CallGraph({"app": view}).joined(frozenset({"llm"}))) == []


def test_a_relative_import_names_the_module_after_its_dots() -> None:
    graph = CallGraph({"pkg.clients": {"fetch": {"parameters": ["url"], "sinks": [], "calls": [], "returns": []}}})
    assert graph.resolve("import:.clients.fetch", "pkg.routes") == ("pkg.clients", "fetch")
    assert graph.resolve("import:..pkg.clients.fetch", "pkg.sub.routes") == ("pkg.clients", "fetch")


def _function(parameters: list[str], **fields: Any) -> dict[str, Any]:
    return {"parameters": parameters, "sinks": [], "returns": [], "calls": [], **fields}


def test_a_method_of_what_a_factory_makes_is_resolved_also_through_another_factory() -> None:
    graph = CallGraph({
        "app.service": {"Service.run": _function(["self", "cmd"])},
        "app.deps": {"get_service": _function([], makes="import:.service.Service"),
                     "get_cached": _function([], returns=[[CALL, "local:get_service"]]),
                     "get_loop": _function([], returns=[[CALL, "local:get_loop"]]),
                     "get_name": _function([], returns=[["request", "request.args"]])},
    })
    assert graph.resolve("returned:import:app.deps.get_service#run", "app.views") == ("app.service", "Service.run")
    assert graph.resolve("returned:import:.deps.get_cached#run", "app.views") == ("app.service", "Service.run")
    assert graph.resolve("returned:import:.deps.get_service#stop", "app.views") is None
    assert graph.resolve("returned:import:.deps.get_loop#run", "app.views") is None  # a factory returning itself ends
    assert graph.resolve("returned:import:.deps.get_name#run", "app.views") is None


def test_of_several_imported_bases_the_first_that_defines_the_method_is_taken() -> None:
    graph = CallGraph({"app.base": {"BaseHandler.read_file": _function(["self", "name"])},
                       "app.mixins": {"AuditMixin.audit": _function(["self", "what"])}})
    callee = "import:tornado.web.RequestHandler.read_file|import:.base.BaseHandler.read_file"
    assert graph.resolve(callee, "app.files") == ("app.base", "BaseHandler.read_file")
    assert graph.resolve("import:.mixins.AuditMixin.read_file|import:.base.BaseHandler.audit", "app.files") is None


def test_a_method_of_an_instance_another_module_binds_at_its_top_level_is_its_class_method() -> None:
    graph = CallGraph({
        "app.services": {"Shell.run": _function(["self", "cmd"]),
                         INSTANCES: _function([], instances={"shell": "local:Shell", "remote": "import:.remote.Client"})},
        "app.remote": {"Client.get": _function(["self", "url"])},
    })
    assert graph.resolve("import:.services.shell.run", "app.views") == ("app.services", "Shell.run")
    assert graph.resolve("import:app.services.remote.get", "app.views") == ("app.remote", "Client.get")
    assert graph.resolve("import:.services.shell.stop", "app.views") is None
    assert graph.resolve("import:.services.other.run", "app.views") is None


PRESIGN = """def presign_upload(key: str) -> str:
    return s3.generate_presigned_url(
        "put_object",
        Params={"Bucket": BUCKET, "Key": key},
    )


def presign_download(key: str) -> str:
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})
""".splitlines()


@pytest.mark.parametrize(("function", "where"), [("presign_upload", (4, 42)), ("presign_download", (9, 85))])
def test_a_sink_is_located_in_its_own_function_before_a_later_functions_argument(
        function: str, where: tuple[int, int]) -> None:
    """`"Key": key` is no argument spelling (`(key`, `, key`, `=key`), but the next function's `def ...(key` is: the
    body is searched in full before the lines after it."""
    assert locate(PRESIGN, function, "key") == where


def test_a_sink_whose_code_is_not_found_is_placed_on_its_statement_not_the_line_above() -> None:
    """A condition quoted shortened (`...`) is not found as written: the finding stands on the statement's own line,
    below a comment or another statement, not on the line before it."""
    lines = ["async def set_role(info, role):",
             "    request = info.context['request']",
             "    # a comment",
             "    if peek_role(request.headers['authorization']) != 'admin':",
             "        raise PermissionError('admins only')"]
    assert locate(lines, "set_role", "peek_role(request.headers[...", "if peek_role(") == (4, 1)
    assert locate(lines, "set_role", "nowhere(") == (1, 1)
