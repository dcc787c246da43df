"""The keys and marks of a function summary (`vibecheck.analysis.flow.FunctionSummary.as_fact`): shared by the flow
walk that records them in each file and by the project phase that joins them (`vibecheck.analysis.call_flow`),
which runs without libcst (a hook's project phase, in the command's own process)."""

from __future__ import annotations

import re

from vibecheck.patterns import lazy_pattern

# Inter-procedural summaries: a flow rule that takes part seeds each parameter with a PARAMETER taint and gives
# the result of a call to one of the project's functions a CALL taint; a sink reached by either is recorded
# (with ORIGIN standing for the client's source in its message) and joined across functions in the project phase.
PARAMETER, CALL = "parameter", "call"
# A callee that names a method of what a project function returns: `returned:import:app.deps.get_service#run`.
RETURNED = "returned:"
# The summary (of no function) that lists a module's top-level instances: name -> class (`local:Service`).
INSTANCES = "<instances>"
# The summary of the module's top-level statements: a script (a Streamlit app) that passes client input or a model's
# answer from one of the project's functions to a sink, or to a helper that reaches one.
TOP_LEVEL = "<module>"
SUMMARISED_KINDS = frozenset({PARAMETER, CALL})
# How many more parameters and call results one value remembers (generated code adds thousands of names in one `+`).
MAX_ALSO = 8
REQUEST_KINDS = frozenset({"request"})
# What a summary may note about a passed or returned value, for sinks that only an object can abuse (a MongoDB
# filter's value): OBJECT, it may be the client's parsed JSON; TEXT, it is certainly a string or a number.
OBJECT, TEXT = "object", "text"
# A URL whose scheme and host, or a path relative to the client's base, come before any passed text
# (`f"https://api.example.com/users/{name}"`, `f"/domain/{name}"`): PINNED, the caller chooses the path and not the
# server. A sink that fetches a URL needs HOST, a value that may choose the server: a pinned one does not reach it.
PINNED, HOST = "pinned", "host"
# An attribute a class binds to a client object (`self.api = httpx.Client()` in `__init__`): recorded as the summary
# (of no function) `Class.api~client`, so that a subclass in another module that calls `self.api.post(url)` can
# record that sink on condition, with NEEDS_ATTRIBUTE and the callee that names it (`import:app.base.Base.api~client`).
CLIENT_ATTRIBUTE = "~client"
NEEDS_ATTRIBUTE = "attribute:"
# A sink that is the verdict a predicate returns (`return ip in ADMIN_IPS`, `if ip in LOCAL_IPS: return True`): it
# decides something only where a caller acts on the answer. A call whose answer the caller hands on as data, as an
# argument of another call (`scope.set_attribute("is_local", is_localhost(ip))`), is noted HANDED_ON after the
# argument's own note, and its callee's verdicts do not count through it.
VERDICT = "verdict"
HANDED_ON = "handed-on"
# Calls that act on a verdict they are given (`require(is_admin(ip))`, `abort_unless(...)`, `self.assertTrue(...)`) or
# pass it on to what tests them (`bool(...)`, `all(...)`): a verdict given to them is not handed on as data.
VERDICT_TAKERS = lazy_pattern(r"^(bool|all|any)$|^_*(require|ensure|assert|abort|deny|forbid|guard|check)", re.IGNORECASE)
# The position of a call that binds every parameter of its callee: a function of another module handed to a model as
# a tool (`Agent(tools=[tools.run_diagnostic])`), whose arguments the model writes, all but those the framework fills.
EVERY_PARAMETER = "*"
FRAMEWORK_PARAMETERS = frozenset({"self", "cls", "ctx", "context", "tool_context", "run_context"})
SUMMARY_FACT = "vibecheck.flow.summaries"
# In a file's summary fact: the codes of the request-flow rules whose file hints skipped the file. The join
# borrows that module's calls and returns from a rule that walks every file (a route module that never names
# the sink, a service module that passes a parameter on), so a flow through it is not lost.
SKIPPED_BY_HINTS = "skipped"
ORIGIN = "\u27e8origin\u27e9"


# Where command-line input comes from (a taint's origin starts with one): its sender is whoever runs the command.
COMMAND_LINE_ORIGINS = ("sys.argv", "input(", "builtins.input(", "raw_input(", "sys.stdin", "fileinput.")
# What VC413 reports an import by name with (code injection), unlike code that is run (94 and 95): VC417 tells the
# two apart by it when it joins command-line input to a sink in another function.
IMPORT_CWE = (94,)
# What VC413 records a loader that runs code as it rebuilds objects with (`torch.load(path)` in a helper): a file the
# command's own user names is the tool's input (VC406 judges the load where it is), not input from someone else.
DESERIALIZE_CWE = (502, 94)
# Sinks that command-line input reaching them through calls does not make a finding of.
OPERATOR_CHOICES = (IMPORT_CWE, DESERIALIZE_CWE)


def is_command_line(origin: str) -> bool:
    """Whether a taint's origin is what a command-line program reads from its user (`input(...)`, `sys.argv[1]`)."""
    return origin.startswith(COMMAND_LINE_ORIGINS)
