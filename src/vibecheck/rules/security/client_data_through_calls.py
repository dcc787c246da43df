"""VC417: client input, model output or built SQL reaches a sink in another function: a helper, a method, a module."""

from __future__ import annotations

from collections.abc import Iterable

from vibecheck.analysis.call_flow import chain_label, joined_sinks, locate
from vibecheck.analysis.summary_keys import COMMAND_LINE_ORIGINS, OPERATOR_CHOICES, SUMMARY_FACT, is_command_line
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.project import Project
from vibecheck.rule import ProjectRule
from vibecheck.rules.security._sql_wording import key_wording

UNTRUSTED = frozenset({"request", "llm", "sql", "xff"})
# Request-flow rules with no file hints: a module another rule skipped borrows their calls and returns.
LENDERS = ("VC409", "VC405")
# The flow rules that record per-function summaries (`FlowRule.summarises`; VC207 only those of its unverified-claims
# helpers and of the conditions trusting an imported call): they walk for this rule when not selected.
# Rules whose summaries note only conditions on what a call returns: they borrow the lenders' returns everywhere.
BORROWERS = ("VC207",)
# Rules whose flows start at text the project builds (VC402's SQL), not at client input: where another rule's flow
# reaches the same sink with the client's input, that one is reported.
YIELDING = ("VC402",)
SUMMARISING_RULES = ("VC401", "VC402", "VC405", "VC409", "VC411", "VC412", "VC413", "VC416", "VC419", "VC421", "VC422",
                     "VC207", "VC231", "VC232", "VC428")


class ClientDataThroughCalls(ProjectRule):
    """Client input, LLM output or built SQL reaches a dangerous sink in another function, method or module.

    ## What it does
    Joins the per-function summaries that the flow rules (VC401, VC402, VC405, VC409, VC411, VC412, VC413,
    VC416, VC419, VC421, VC422, VC207 for unverified claims, VC231 for a payment's amount, VC232 for the key of a
    signed storage URL, VC428 for a size the client chooses) record in their walk: which parameters reach
    their sinks, what each function returns, and what it passes to the project's other functions (also through a
    dispatcher that runs a function it is given: `tasks.add_task(send_webhook, url)`, `executor.submit(f, x)`,
    `loop.run_in_executor(None, f, x)`, `Thread(target=f, args=(x,))`, a Celery task's `f.delay(x)`, a LangChain tool's
    `run_diagnostic.invoke({"command": cmd})`, also handed to `asyncio.to_thread`, and the calls in a lambda without
    parameters that a call is handed, `Thread(target=lambda: save(crawl(url)))`, which run later with the values the
    function holds; a coroutine run to its end, `asyncio.run(ask(kernel, prompt))`, answers what it returns). It reports a
    sink reached by client input across up to three calls, and likewise LLM output (VC401's shell, `eval`, SQL, deserializer and
    written-path sinks) an SQL query built from strings (VC402) executed by a helper
    (`run_query(f"... {name}")`), and a `get_client_ip()` helper reading `X-Forwarded-For` whose result an allow-list check
    trusts (VC419), and a privilege decided by the claims that a function of another module decodes without checking
    the token's signature or by the request data it returns (VC207: `if current_claims().get("is_admin"):`, `if
    get_role() == "admin":`): request data passed to a helper (in the
    same module, a method called on `self`, also one a base class of the module or of another module of the project
    defines, or on an instance of a project class, made on the spot, bound at module level (also in another module
    that the caller imports it from: `from .services import shell; shell.run(cmd)`) or in the function,
    returned by a function annotated with the class or by a factory of the project that builds it (`svc =
    get_service()`, also through another factory, a dependency that yields it, a class method returning `cls(...)`),
    or a parameter annotated with it such as a FastAPI `repo: Repo = Depends(get_repo)` or injected from such a
    factory (`svc=Depends(get_service)`); a class
    method; or a function imported from another module of the project, also relatively) whose parameter reaches
    the sink, or a constructor that keeps it in an attribute one of the class's methods passes to the sink
    (`Converter(job)`, `requests.post(self.callback)`; not in a method that rebinds the attribute first), or a
    method that keeps request data itself in an attribute (`self.term = request.GET["q"]`) another method passes
    to the sink, also through
    further helpers, a helper's return value that carries request data (also returned through two calls)
    or the request data its caller passed in (`render_card(request.args["t"])` returning
    `"<div>" + t + "</div>"` from a Flask view, a dataclass or pydantic object built from it and passed to a
    helper that writes `Path(opts.directory, opts.name)`; in a helper, its own parameter passed through a function
    that returns it, `shutil.rmtree(media_path(album))` with `def media_path(*parts): return os.path.join(ROOT,
    *parts)`) used at a sink (a `run_ping(host)` helper that runs
    `os.system(f"ping {host}")`, VC421; a `sorted_products(sort)` helper that passes it to `order_by()`,
    VC422; a `billing.charge(user, amount)` service that passes it to `stripe.PaymentIntent.create(amount=...)`,
    VC231, unless the service caps it or compares it with another of its values, `min(amount, user.balance)`; a
    `presign(key)` helper that signs a URL for it, VC232, unless the key is scoped to the caller on the way; a
    `recent_posts(limit)` helper of a data module that passes the client's number to `.limit(limit)`, `LIMIT ?` or
    `range(n)`, VC428, unless it is capped on the way, `min(limit, 100)`, or tested against an upper bound; a
    `load_checkpoint(path)` helper that calls `torch.load(path)`, `pickle.load`, `joblib.load` or `numpy.load(...,
    allow_pickle=True)` on an upload, its bytes or the path the route saved it to, VC413, which then replaces VC406's
    finding on that load).
    The finding sits at the sink and names the source and the functions it went through; its CWE and
    severity are the sink's (an open redirect or a regex pattern is medium, as in VC409). What a command-line
    program reads from its user (`input()`, `sys.argv`, which VC413 follows) keeps VC413's terms through calls: a
    module name it gives is left alone, code it reaches is medium, and a sink that a web client's input reaches as
    well is reported for the client. A MongoDB filter
    value in a helper counts only when a caller may pass the client's parsed JSON (an object such as
    `{"$ne": null}`), not a form field or a `str()` conversion; client text as a field name or `$where` code
    counts from any caller. A value the flow rule already reports where it is passed (`self.execute("..." % x)`,
    VC402) is not followed into the callee, where the same flow would be reported again; with that rule not
    selected (`--select VC417` alone, or a per-file ignore), it is, so the flow is reported somewhere. Where client
    input and SQL built in the project reach the same sink, the finding names the client's input. The summaries come from
    the walk of those flow rules, which runs for this rule
    also when they are not selected (`--select VC417` alone), their own findings then left out; a module whose
    text a rule skips (a route or service module that never names a template or shell call) lends that rule the
    calls and returns VC409's (or VC405's) walk recorded there. A Django Channels consumer's `receive_json(self,
    content)` and `receive(self, text_data=None, bytes_data=None)` are handed the browser's frame: the consumer's own
    methods it passes parts of it to (`self.read_attachment(content["path"])`) take client input.

    ## Why is this bad?
    Agents split a view into helpers (`save_upload(name)`, `fetch_preview(url)`, `render_greeting(name)`),
    an LLM agent into `ask_model()` and `run_tool(command)`, and database code into `run_query(sql)`; the
    helper that touches the file system, runs the command or executes the SQL no longer sees where its
    argument came from. A check that looks at one function at a time misses every such flow.

    ## Example
    ```python
    # storage.py
    def read_report(name):
        with open(f"/srv/reports/{name}") as handle:
            return handle.read()

    # views.py
    from flask import Flask, request

    from storage import read_report

    app = Flask(__name__)

    @app.get("/report")
    def report():
        return read_report(request.args["name"])
    ```

    ## Use instead
    ```python
    # storage.py
    import os

    def read_report(name):
        with open(os.path.join("/srv/reports", os.path.basename(name))) as handle:
            return handle.read()
    ```

    ## References
    - [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
    - [CWE-918: Server-Side Request Forgery](https://cwe.mitre.org/data/definitions/918.html)
    - [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
    - [CWE-94: Code Injection](https://cwe.mitre.org/data/definitions/94.html)
    - [CWE-1336: Template Injection](https://cwe.mitre.org/data/definitions/1336.html)
    - [CWE-611: XML External Entities](https://cwe.mitre.org/data/definitions/611.html)
    - [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
    - [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
    - [CWE-601: Open Redirect](https://cwe.mitre.org/data/definitions/601.html)
    - [CWE-1426: Improper Validation of Generative AI Output](https://cwe.mitre.org/data/definitions/1426.html)
    - [CWE-470: Unsafe Reflection](https://cwe.mitre.org/data/definitions/470.html)
    - [CWE-348: Use of Less Trusted Source](https://cwe.mitre.org/data/definitions/348.html)
    - [CWE-943: Improper Neutralization of Special Elements in Data Query Logic](https://cwe.mitre.org/data/definitions/943.html)
    - [CWE-807: Reliance on Untrusted Inputs in a Security Decision](https://cwe.mitre.org/data/definitions/807.html)
    - [CWE-400: Uncontrolled Resource Consumption](https://cwe.mitre.org/data/definitions/400.html)
    """

    code = "VC417"
    name = "client-data-through-calls"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (22, 73, 918, 79, 1336, 94, 95, 611, 1426, 78, 89, 943, 502, 601, 113, 117, 434, 643, 90, 730, 1333, 348, 290, 307,
           807, 639, 470, 602, 20, 284, 400, 770)
    reads_unchecked_test_facts = False
    reads_facts = (SUMMARY_FACT,)
    walks_with = SUMMARISING_RULES
    # a query built from strings (VC402) that client input reaches through a helper: as VC422 on one function
    # the generic form of each sink, reported by bandit or a per-file rule on the same line
    supersedes = ("VC402", "VC427", "B307", "B102", "B601", "B602", "B605", "VC408", "B608", "VC406", "B301", "B302", "B506",
                  "B614", "B308", "B703", "B704")

    def check_project(self, project: Project) -> Iterable[Finding]:
        relative = {path: project.relative_path(path) for path in project.files}
        cache: dict[str, list[str]] = {}
        for joined in joined_sinks(project.facts(SUMMARY_FACT), relative, UNTRUSTED, LENDERS, BORROWERS, YIELDING,
                                   weaker=COMMAND_LINE_ORIGINS):
            if joined.path in project.test_files:
                continue
            lines = cache.get(joined.path)
            if lines is None:
                try:
                    text = project.read_text(joined.path)
                except OSError:
                    continue
                lines = cache[joined.path] = text.splitlines()
            severity = Severity(joined.severity) if joined.severity else self.severity
            if is_command_line(joined.origin):  # only VC413 follows it: its terms, also through calls
                if joined.cwe in OPERATOR_CHOICES:
                    continue
                severity = Severity.MEDIUM
            line, column = locate(lines, joined.function, joined.code, joined.statement)
            through = " -> ".join(chain_label(name) for name in joined.chain)
            message, hint = key_wording(joined.message, joined.hint)  # a query from a caller's dict keys (VC402)
            yield Finding(
                code=self.code, name=self.name, message=f"{message[:-1]} (through {through}).",
                location=Location(joined.path, Position(line, column), Position(line, column + len(joined.code))),
                severity=severity,
                confidence=self.confidence, category=self.category, hint=hint,
                cwe=joined.cwe, line_text=lines[line - 1] if line <= len(lines) else "",
            )
