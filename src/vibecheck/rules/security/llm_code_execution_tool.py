"""VC424: an LLM agent, chain or query engine that runs the code or shell commands the model writes."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import call_argument, short_code, string_value
from vibecheck.analysis.nodes import is_name
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule

# The packages whose components are judged: an LLM framework's, not a project class that happens to share a name.
LLM_PACKAGES = ("langchain", "langchain_experimental", "langchain_community", "langchain_core", "llama_index",
                "autogen", "autogen_ext", "crewai", "crewai_tools")
# Components that execute what the model writes, by their last name (`PALChain.from_math_prompt` too), and what
# each runs: the model's Python in this process, or its shell commands on this machine.
RUNS_MODEL_CODE = {
    "PythonREPLTool": "the Python code the model writes",
    "PythonAstREPLTool": "the Python code the model writes",
    "PythonREPL": "the Python code the model writes",
    "PythonREPLChain": "the Python code the model writes",
    "PALChain": "the Python program the model writes",
    "create_python_agent": "the Python code the model writes",
    "PandasQueryEngine": "the pandas code the model writes, through `eval`",
    "ShellTool": "the shell commands the model writes",
    "BashProcess": "the shell commands the model writes",
    "LLMBashChain": "the shell commands the model writes",
    "LocalCommandLineCodeExecutor": "the code blocks the model writes, on this machine",
}
# Keywords that switch a component's code execution on outside any sandbox: `create_pandas_dataframe_agent(...,
# allow_dangerous_code=True)`, CrewAI's `CodeInterpreterTool(unsafe_mode=True)`.
UNSAFE_SWITCHES = {"allow_dangerous_code": "the Python code the model writes",
                   "unsafe_mode": "the code the model writes, on this machine"}
# `load_tools([...])` names of the built-in tools that run code.
CODE_TOOL_NAMES = {"terminal": "the shell commands the model writes",
                   "python_repl": "the Python code the model writes"}
HINT = ("Give the model only tools that do one narrow thing, or run its code in a sandbox it cannot leave (a "
        "container without network or secrets, E2B, a restricted executor), never in the application's process.")


def _package(name: str) -> str:
    return name.partition(".")[0]


class LlmCodeExecutionTool(Rule):
    """An LLM agent, chain or query engine runs the code or shell commands the model writes.

    ## What it does
    Reports where an LLM framework's code-running component is built: LangChain's `PythonREPLTool`,
    `PythonAstREPLTool`, `PythonREPL`, `PALChain` (`PALChain.from_math_prompt(llm)`), `create_python_agent`,
    `ShellTool`, `BashProcess` and `LLMBashChain` (from `langchain`, `langchain_experimental` or
    `langchain_community`, however imported or aliased), `load_tools(["terminal"])` or `load_tools(["python_repl"])`,
    any LangChain factory given `allow_dangerous_code=True` (`create_pandas_dataframe_agent`, `create_csv_agent`),
    LlamaIndex's `PandasQueryEngine`, AutoGen's `LocalCommandLineCodeExecutor` and a `code_execution_config` with
    `"use_docker": False`, and CrewAI's `CodeInterpreterTool(unsafe_mode=True)` or an `Agent` with
    `code_execution_mode="unsafe"`. A class of the project with one of these names is not reported, nor are test
    files, nor the framework's own package (a module of a sub-package of a `langchain_experimental/` folder builds its own
    tools).

    ## Why is this bad?
    These components `exec` what the model answers. Whoever can put text in front of the model (the user, a web
    page or document it retrieves, a tool result) can make it answer with `import os; os.system(...)`, and the
    code runs with the application's files, network and secrets. This is how the PALChain and PandasQueryEngine
    remote-code-execution CVEs (CVE-2023-36258, CVE-2023-39662) happen. Agents add a Python REPL tool because it
    makes a demo answer any question.

    ## Example
    ```python
    from langchain.agents import initialize_agent
    from langchain_experimental.tools import PythonREPLTool

    agent = initialize_agent(tools=[PythonREPLTool()], llm=llm)
    answer = agent.run(question)
    ```

    ## Use instead
    ```python
    from langchain.agents import initialize_agent
    from langchain_core.tools import tool

    @tool
    def monthly_total(month: str) -> float:
        \"\"\"The total of the invoices of one month (YYYY-MM).\"\"\"
        return invoices.total(month)

    agent = initialize_agent(tools=[monthly_total], llm=llm)
    answer = agent.run(question)
    ```

    ## References
    - [CWE-94: Improper Control of Generation of Code ('Code Injection')](https://cwe.mitre.org/data/definitions/94.html)
    - [OWASP Top 10 for LLM Applications: LLM05 Improper Output Handling, LLM06 Excessive Agency](https://genai.owasp.org/llm-top-10/)
    - [LangChain security policy](https://python.langchain.com/docs/security/)
    """

    code = "VC424"
    name = "llm-code-execution-tool"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (94,)
    applies_to_tests = False  # a test builds the tool to check its wiring
    file_hints = ("langchain", "llama_index", "autogen", "crewai")
    _framework_itself = False

    def visit_Module(self, node: cst.Module) -> None:
        self._reported_calls: list[int] = []  # the reported call being walked: the calls inside it are its parts
        # a module in a sub-package of a framework (`langchain_community/tools/shell/tool.py`) builds its tools for
        # the framework's users; a folder of the project named after one (`examples/langchain/agent.py`) does not
        folders = self.context.path.replace("\\", "/").split("/")[:-2]
        self._framework_itself = any(package in folders for package in LLM_PACKAGES)

    def visit_Call(self, node: cst.Call) -> None:
        """Report the outermost call that builds one: the tool built inside an agent factory's call is the same
        finding (`create_python_agent(llm, tool=PythonREPLTool())`)."""
        if self._reported_calls or self._framework_itself:
            return
        name = self.qualified_name(node) or ""
        if _package(name) not in LLM_PACKAGES:
            return
        parts = name.split(".")
        # `PALChain.from_math_prompt(llm)` builds one; `PythonREPL().run(code)` uses the one built inside it
        built_by_class = type(node.func) is cst.Attribute and type(node.func.value) is not cst.Call and len(parts) > 2
        runs = RUNS_MODEL_CODE.get(parts[-1]) or (RUNS_MODEL_CODE.get(parts[-2]) if built_by_class else None)
        runs = runs or self._switched_on(node) or self._code_tools_loaded(node, parts[-1])
        if runs is None:
            return
        self.report(node, f"`{short_code(node)}` runs {runs}, so a prompt injection (in the question, or in a page "
                    "or document the model reads) runs code on the server.", hint=HINT)
        self._reported_calls.append(id(node))

    def leave_Call(self, original_node: cst.Call) -> None:
        if self._reported_calls and self._reported_calls[-1] == id(original_node):
            self._reported_calls.pop()

    @staticmethod
    def _switched_on(call: cst.Call) -> str | None:
        """`allow_dangerous_code=True`, `unsafe_mode=True`, `code_execution_mode="unsafe"`, or a
        `code_execution_config` that turns Docker off."""
        for arg in call.args:
            keyword = arg.keyword.value if arg.keyword is not None else None
            if keyword in UNSAFE_SWITCHES and is_name(arg.value, "True"):
                return UNSAFE_SWITCHES[keyword]
            if keyword == "code_execution_mode" and string_value(arg.value) == "unsafe":
                return "the code the model writes, on this machine"
            if keyword == "code_execution_config" and type(arg.value) is cst.Dict and any(
                    string_value(element.key) == "use_docker" and is_name(element.value, "False")
                    for element in arg.value.elements if type(element) is cst.DictElement):
                return "the code blocks the model writes, on this machine"
        return None

    @staticmethod
    def _code_tools_loaded(call: cst.Call, function: str) -> str | None:
        """`load_tools(["terminal", "llm-math"], llm=llm)`: a built-in tool that runs code, by its name."""
        if function != "load_tools":
            return None
        names = call_argument(call, 0, "tool_names")
        if type(names) not in (cst.List, cst.Tuple):
            return None
        for element in names.elements:  # type: ignore[union-attr]
            runs = CODE_TOOL_NAMES.get(string_value(element.value) or "")
            if runs is not None:
                return runs
        return None
