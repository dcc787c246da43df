"""Functions and methods an agent framework hands to a model as tools: the model writes every argument they get.

A tool is declared three ways, each a table here: a decorator (`@tool`, `@function_tool`, AutoGen's
`@agent.register_for_llm(...)`), a class whose base is the framework's tool class (CrewAI and LangChain
`BaseTool._run`, smolagents `Tool.forward`), or a call that registers a plain function (AutoGen
`register_function(f, ...)`, `FunctionTool(f)`, `StructuredTool.from_function(f)`, a `tools=[f, g]` list given to
an agent or a LangGraph `ToolNode`). Without a framework, a loop over the model's tool calls looks the function up
in a table by the name the model chose (`TOOLS[call.function.name](**args)`, OpenAI's `available_functions`), or hands
each tool call of the reply to a function that reads it (`handle_tool(block)` reading `block.input`).
"""

from __future__ import annotations

import re

import libcst as cst

from vibecheck.analysis.flow import call_argument, iter_expressions, string_value, walked_statements
from vibecheck.analysis.nodes import suite_statements
from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import RuleContext

# What a module imports when it may declare tools for a model.
TOOL_IMPORTS = ("langchain", "agents", "smolagents", "crewai", "pydantic_ai", "autogen", "langgraph", "llama_index",
                "semantic_kernel", "google.adk", "strands", "agno", "haystack")
# Decorators that hand a function to a model as a tool.
TOOL_DECORATORS = frozenset({"langchain_core.tools.tool", "langchain.tools.tool", "langchain.agents.tool",
                             "langchain_core.tools.convert.tool", "agents.function_tool", "smolagents.tool",
                             "crewai.tools.tool", "crewai_tools.tool", "strands.tool", "agno.tools.tool",
                             "haystack.tools.tool", "haystack.tools.from_function.tool",
                             "semantic_kernel.functions.kernel_function",
                             "semantic_kernel.functions.kernel_function_decorator.kernel_function"})
# Decorator methods of an agent object that register a tool: pydantic-ai `@agent.tool` (on an agent this module
# made), and AutoGen's `@assistant.register_for_llm(...)` / `@user_proxy.register_for_execution()`.
AGENT_TOOL_METHODS = frozenset({"tool", "tool_plain"})
AUTOGEN_TOOL_METHODS = frozenset({"register_for_llm", "register_for_execution"})
# Tool base classes and the method of a subclass that the framework calls with the model's arguments.
TOOL_BASE_CLASSES: dict[str, frozenset[str]] = {
    **{name: frozenset({"_run", "_arun"}) for name in (
        "crewai.tools.BaseTool", "crewai.tools.base_tool.BaseTool", "crewai_tools.BaseTool",
        "langchain_core.tools.BaseTool", "langchain_core.tools.base.BaseTool", "langchain.tools.BaseTool")},
    **{name: frozenset({"forward"}) for name in ("smolagents.Tool", "smolagents.tools.Tool")},
}
# Calls that register a plain function as a tool: (position, keyword) of the function.
TOOL_FUNCTION_CALLS: dict[str, tuple[int | None, str]] = {
    "autogen.register_function": (0, "f"),
    "autogen.agentchat.register_function": (0, "f"),
    "autogen_core.tools.FunctionTool": (0, "func"),
    "google.adk.tools.FunctionTool": (0, "func"),
    "google.adk.tools.function_tool.FunctionTool": (0, "func"),
    "pydantic_ai.Tool": (0, "function"),
    "llama_index.core.tools.FunctionTool.from_defaults": (0, "fn"),
    # Haystack's `Tool(name, description, parameters, function)` and `create_tool_from_function(f)`
    **{f"haystack.{module}.Tool": (3, "function") for module in ("tools", "dataclasses", "tools.tool")},
    **{f"haystack.tools.{module}create_tool_from_function": (0, "function") for module in ("", "from_function.")},
    **{f"{module}.{tool}.from_function": (0, "func") for module in ("langchain_core.tools", "langchain.tools")
       for tool in ("Tool", "StructuredTool")},
    **{f"{module}.Tool": (None, "func") for module in ("langchain_core.tools", "langchain.tools", "langchain.agents")},
}
# Calls that take a list of tools, plain functions among them: (position, keyword) of the list.
TOOL_LIST_CALLS: dict[str, tuple[int | None, str]] = {
    "langgraph.prebuilt.ToolNode": (0, "tools"),
    "langgraph.prebuilt.create_react_agent": (1, "tools"),
    "pydantic_ai.Agent": (None, "tools"),
    "autogen_agentchat.agents.AssistantAgent": (None, "tools"),
    "llama_index.core.agent.workflow.FunctionAgent": (None, "tools"),
    "llama_index.core.agent.workflow.ReActAgent": (None, "tools"),
    "google.adk.agents.Agent": (None, "tools"),
    "google.adk.agents.LlmAgent": (None, "tools"),
    "strands.Agent": (None, "tools"),
    "agno.agent.Agent": (None, "tools"),
    "haystack.components.agents.Agent": (None, "tools"),
    "haystack.components.tools.ToolInvoker": (0, "tools"),
}
# Methods that bind a list of tools to a chat model: `llm.bind_tools([lookup, search])`.
TOOL_LIST_METHODS = frozenset({"bind_tools"})
# Graph builders whose nodes are handed the shared state: `StateGraph(State).add_node("plan", plan_query)`, also a
# method (`self.plan`) or a partial of a function (`functools.partial(plan_query, llm=llm)`).
GRAPH_IMPORTS = ("langgraph",)
GRAPH_NODE_METHODS = frozenset({"add_node"})
PARTIAL_CALLS = frozenset({"functools.partial"})
# A table of functions by the name the model calls them (`TOOLS = {"sql": run_sql}`, `available_functions`), and what
# makes the module one that hands tools to a model: a model client's import, or a tool schema beside the table
# (OpenAI's `"parameters"`, Anthropic's `"input_schema"`, MCP's `"inputSchema"`). A table named for tools in a
# module with neither maps commands or programs (`TOOLS = {"black": run_black}`), not a model's calls.
TOOL_TABLE_NAME = lazy_pattern(r"(?:^|_)tools?(?:_|$)|^available_functions$", re.IGNORECASE)
MODEL_IMPORTS = ("openai", "anthropic", "litellm", "ollama", "mistralai", "groq", "google.genai", "google.generativeai",
                 "cohere", *TOOL_IMPORTS)
TOOL_SCHEMA_KEYS = frozenset({"parameters", "input_schema", "inputSchema"})
# The SDKs whose replies carry tool calls as objects: Anthropic's `ToolUseBlock` (`block.name`, `block.input`), OpenAI's
# and the OpenAI-shaped clients' tool call (`call.function.name`, `call.function.arguments`).
TOOL_CALL_SDKS = ("openai", "anthropic", "litellm", "ollama", "mistralai", "groq", "together")


def tool_methods(node: cst.ClassDef, context: RuleContext, local_tools: dict[str, frozenset[str]]) -> frozenset[str]:
    """The methods of `node` that a framework calls with the model's arguments: `_run` of a CrewAI `BaseTool`,
    `forward` of a smolagents `Tool`, also through one of the module's own tool classes (`local_tools`)."""
    methods: frozenset[str] = frozenset()
    for base in node.bases:
        name = context.imports.qualified_name(base.value)
        methods |= TOOL_BASE_CLASSES.get(name or "", local_tools.get(name or "", frozenset()))
    return methods


def registered_tools(context: RuleContext) -> frozenset[str]:
    """Names of the module's functions registered as tools by a call (`register_function(f, ...)`, `tools=[f]`),
    found once per file and only in a file that imports a tool framework."""
    return _registrations(context)[0]


def table_tools(context: RuleContext) -> frozenset[str]:
    """Names of the module's functions listed in a table of tools by name (`TOOLS = {"sql": sql_tool}`, also inside a
    function: `available_functions = {...}`), in a module that imports a model client or writes a tool schema, and in
    one that does both, those its strings name; in any module, those a tool schema of it names (`{"name":
    "calculate", "input_schema": {...}}` beside `def calculate(expression)`, dispatched from a table of any name by
    a loop in another module); found once per file."""
    found: frozenset[str] | None = context.shared.get(table_tools)
    if found is None:
        tables = [statement.value for statement in _module_and_function_statements(context.module)
                  if type(statement) is cst.Assign and len(statement.targets) == 1
                  and type(target := statement.targets[0].target) is cst.Name and TOOL_TABLE_NAME.search(target.value)
                  and type(statement.value) is cst.Dict]
        listed = {name for table in tables for element in table.elements  # type: ignore[attr-defined]
                  if type(element) is cst.DictElement and string_value(element.key) is not None
                  and (name := _listed_function(element.value)) is not None}
        model_module = context.imports.imports_any(MODEL_IMPORTS)
        # a module without a schema key quoted in its text holds no schema: most modules, left unwalked
        schemas, schema_names = _tool_schemas(context.module) if any(
            f"{quote}{key}{quote}" in context.source for key in TOOL_SCHEMA_KEYS for quote in "\"'") else (False, set())
        if listed and not (model_module or schemas):
            listed = set()
        if model_module and schemas:
            listed |= _named_in_strings(context.module)
        listed |= schema_names & {s.name.value for s in context.module.body if type(s) is cst.FunctionDef}
        found = context.shared[table_tools] = frozenset(listed)
    return found


def _named_in_strings(module: cst.Module) -> set[str]:
    """The module's functions that a string of it names (`{"function": {"name": "query_orders", ...}}`, a tuple of
    names the tool schemas are built from): in a module that hands a model tool schemas, the tools its calls are
    looked up by (`globals()[call.function.name]`). Not through `__all__`, which exports them."""
    functions = {statement.name.value for statement in module.body if type(statement) is cst.FunctionDef}
    named: set[str] = set()
    pending: list[cst.CSTNode] = [statement for statement in module.body if not _assigns_all(statement)]
    while pending:
        node = pending.pop()
        if type(node) is cst.SimpleString:
            text = string_value(node)
            if text in functions:
                named.add(text)
        else:
            pending.extend(child_nodes(node))
    return named


def _assigns_all(statement: cst.CSTNode) -> bool:
    return type(statement) is cst.SimpleStatementLine and any(
        type(small) is cst.Assign and any(type(t.target) is cst.Name and t.target.value == "__all__" for t in small.targets)
        for small in statement.body)


def _listed_function(value: cst.BaseExpression) -> str | None:
    """The function a table entry names: `run_sql`, or the one a lambda hands the model's arguments to
    (`lambda args: run_shell(args["command"])`); not a lambda that calls it with values of its own."""
    if type(value) is cst.Name:
        return value.value
    if type(value) is not cst.Lambda or type(value.body) is not cst.Call or type(value.body.func) is not cst.Name:
        return None
    parameters = {param.name.value for param in value.params.params}
    handed = {node.value for arg in value.body.args for node in walk_own(arg) if type(node) is cst.Name}
    return value.body.func.value if parameters & handed else None


def _module_and_function_statements(module: cst.Module) -> list[cst.CSTNode]:
    """The module's statements and those directly in its functions' bodies (not deeper blocks)."""
    statements: list[cst.CSTNode] = suite_statements(module)  # type: ignore[arg-type]
    return statements + [inner for statement in statements if type(statement) is cst.FunctionDef
                         for inner in suite_statements(statement.body)]


def _tool_schemas(module: cst.Module) -> tuple[bool, set[str]]:
    """Whether a dict in the module has a tool schema's key (`"parameters"`, `"input_schema"`), and the `"name"`s of
    those dicts: the tools the model is offered under those names."""
    found = False
    names: set[str] = set()
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        pending.extend(child_nodes(node))
        if type(node) is not cst.Dict:
            continue
        keys = {string_value(e.key): e.value for e in node.elements if type(e) is cst.DictElement}
        if TOOL_SCHEMA_KEYS.intersection(keys):
            found = True
            name = string_value(keys["name"]) if "name" in keys else None
            if name:
                names.add(name)
    return found, names


def graph_nodes(context: RuleContext) -> frozenset[str]:
    """Names of the module's functions and methods added to a LangGraph graph (`graph.add_node("plan", plan)`,
    `add_node("plan", self.plan)`, `add_node("plan", partial(plan, llm=llm))`): their first parameter (after `self`) is
    the graph's state, which holds what the model and the user wrote in earlier steps."""
    return _registrations(context)[1]


def registered_elsewhere(context: RuleContext) -> tuple[cst.BaseExpression, ...]:
    """The functions registered as tools that the module names through another module or an import (`tools=[
    tools.run_diagnostic]`, `FunctionTool(func=run_sql)` after `from .tools import run_sql`): the project phase
    follows the model's arguments into them."""
    return _registrations(context)[2]


def _registrations(context: RuleContext) -> tuple[frozenset[str], frozenset[str], tuple[cst.BaseExpression, ...]]:
    found: tuple[frozenset[str], frozenset[str], tuple[cst.BaseExpression, ...]] | None = context.shared.get(_registrations)
    if found is None:
        tools, nodes, named = _registered_names(context) if context.imports.imports_any(TOOL_IMPORTS) \
            else (set(), set(), [])
        found = context.shared[_registrations] = (frozenset(tools), frozenset(nodes), tuple(named))
    return found


def _registered_names(context: RuleContext) -> tuple[set[str], set[str], list[cst.BaseExpression]]:
    """(functions registered as tools, functions added as graph nodes, the other expressions registered as tools:
    `tools.run_sql`, an imported name), from every call in the module."""
    tools: set[str] = set()
    nodes: set[str] = set()
    registered: list[cst.BaseExpression] = []
    graphs = context.imports.imports_any(GRAPH_IMPORTS)
    pending: list[cst.CSTNode] = [context.module]
    while pending:
        call = pending.pop()
        pending.extend(child_nodes(call))
        if type(call) is not cst.Call:
            continue
        name = context.imports.qualified_name(call.func) or ""
        method = call.func.attr.value if type(call.func) is cst.Attribute else None
        if name in TOOL_FUNCTION_CALLS:
            given = [call_argument(call, *TOOL_FUNCTION_CALLS[name])]
        elif name in TOOL_LIST_CALLS or method in TOOL_LIST_METHODS:
            position, keyword = TOOL_LIST_CALLS.get(name, (0, "tools"))
            listed = call_argument(call, position, keyword)
            given = [element.value for element in listed.elements] \
                if isinstance(listed, (cst.List, cst.Tuple)) else []
        else:
            if graphs and method in GRAPH_NODE_METHODS:
                added = _node_function(call_argument(call, 1, "action") or call_argument(call, 0, "node"), context)
                if added is not None:
                    nodes.add(added)
            continue
        tools.update(_plain_names(given))
        registered.extend(expression for expression in given if type(expression) is cst.Attribute
                          and type(expression.value) is cst.Name or type(expression) is cst.Name)
    return tools, nodes, registered


def _node_function(expression: cst.BaseExpression | None, context: RuleContext) -> str | None:
    """The name of the function or method a graph node runs: `plan`, `self.plan`, `partial(plan, llm=llm)`."""
    if type(expression) is cst.Call and context.imports.qualified_name(expression.func) in PARTIAL_CALLS:
        expression = call_argument(expression, 0, "func")
    if type(expression) is cst.Attribute and type(expression.value) is cst.Name and expression.value.value in ("self", "cls"):
        return expression.attr.value
    return expression.value if type(expression) is cst.Name else None


def _plain_names(expressions: list[cst.BaseExpression | None]) -> set[str]:
    return {expression.value for expression in expressions if type(expression) is cst.Name}


def tool_call_parameters(function: cst.FunctionDef) -> frozenset[str]:
    """The parameters a function reads as a model's tool call, the reply's block it is handed (`def handle_tool(block)`
    reading `block.name` and `block.input["command"]`; `def run(call)` reading `call.function.arguments`): what the
    model chose to call and with which arguments, whoever calls the function. Asked only in a module of a model SDK."""
    params = function.params
    names = {param.name.value for param in (*params.posonly_params, *params.params, *params.kwonly_params)}
    read: dict[str, set[str]] = {"input": set(), "name": set(), "arguments": set()}  # attribute -> parameters
    for statement in walked_statements(function) or ():
        for node in iter_expressions(statement):
            if type(node) is not cst.Attribute or node.attr.value not in read:
                continue
            base = node.value
            if type(base) is cst.Attribute and base.attr.value == "function" and node.attr.value == "arguments":
                base = base.value  # `call.function.arguments`
            elif node.attr.value == "arguments":
                continue
            if type(base) is cst.Name and base.value in names:
                read[node.attr.value].add(base.value)
    return frozenset((read["input"] & read["name"]) | read["arguments"])
