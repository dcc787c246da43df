"""Text from outside placed in a model's system prompt: retrieved documents and what a tool returned (VC401).

The system prompt is where a model takes its instructions from; documents a retriever found and results a tool
returned are data that others wrote (a web page, an email, a file in the index). Pasted there, an instruction
hidden in them speaks with the system's authority. In a user message, or a `tool` message answering the model's
call, the same text is data the model was asked about. Sources and sinks are tables; VC401's walk follows the text.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import FlowState, SourceFinder, Taint, call_argument, dotted_name, short_code
from vibecheck.analysis.nodes import callee_tail
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern, word_start_matches

PROMPT_DATA = "prompt-data"
PROMPT_INJECTION_CWE = (1427,)
# Methods that return documents found for a query: LangChain's vector stores and retrievers.
RETRIEVAL_METHODS = frozenset({
    "similarity_search", "asimilarity_search", "similarity_search_with_score", "asimilarity_search_with_score",
    "similarity_search_with_relevance_scores", "similarity_search_by_vector", "max_marginal_relevance_search",
    "amax_marginal_relevance_search", "get_relevant_documents", "aget_relevant_documents"})
# Methods a receiver named for a retriever or a document loader answers with documents (`retriever.invoke(q)`,
# `vectorstore.as_retriever().invoke(q)`, LlamaIndex's `retriever.retrieve(q)`, `WebBaseLoader(url).load()`). Alone,
# `retrieve` is any API's verb for fetching one object by id (OpenAI's `client.beta.assistants.retrieve(id)` and the
# SDK's own resources, `stripe.Customer.retrieve(id)`, a DRF view's `self.retrieve(request)`): no document.
RETRIEVER_METHODS = frozenset({"invoke", "ainvoke", "batch", "retrieve", "aretrieve"})
LOADER_METHODS = frozenset({"load", "aload", "lazy_load", "load_and_split"})
RETRIEVER_NAME = lazy_pattern(r"retriever$|^as_retriever$")
LOADER_NAME = lazy_pattern(r"loader$")
# Running a tool the model chose: `TOOLS[name](**args)`, `tool.invoke(args)`, MCP's `session.call_tool(name, args)`,
# a helper named for it (`execute_tool(call)`, `run_function(name, args)`).
TOOL_TABLE_NAME = lazy_pattern(r"tool|function|handler")
TOOL_RUN_METHODS = frozenset({"invoke", "ainvoke", "run", "arun", "call", "acall", "execute"})
TOOL_NAME = lazy_pattern(r"(?:^|_)tool$")
TOOL_RUNNER = lazy_pattern(r"^_?(?:a?(?:execute|run|call|invoke|dispatch|handle))_(?:tool|function)(?:s|_calls?)?$")
# Parameters named for such text (`def build_messages(question, docs)`): a helper that assembles the prompt.
DATA_PARAMETER = lazy_pattern(
    r"^(?:retrieved|relevant|context|search|source|top)_?(?:docs|documents|chunks|passages|results|hits)$"
    r"|^(?:docs|documents|chunks|passages)$|^tool_(?:result|output|response|message)s?$|^observations?$"
    r"|^(?:function|call)_(?:result|output)s?$|^(?:web|page|search)_(?:results|content|text)$")
# Where a system prompt goes: a message's role, LangChain's message class and `("system", text)` tuples, and the
# keyword of the SDKs that take it apart (Anthropic's `system=`, OpenAI Responses' and Agents' `instructions=`,
# Gemini's `system_instruction=`, pydantic-ai's `system_prompt=`).
SYSTEM_ROLES = frozenset({"system", "developer"})
SYSTEM_MESSAGE_CLASSES = frozenset({"SystemMessage"})
SYSTEM_KEYWORDS = frozenset({"system", "system_prompt", "system_instruction", "system_message", "instructions"})
# Those keywords name other things outside a model's SDK (a FHIR `Coding(system=...)`, a form's `instructions=`): they
# are a system prompt only in a module that imports a model's SDK or an agent framework.
MODEL_SDK_IMPORTS = ("openai", "anthropic", "ollama", "groq", "mistralai", "cohere", "google.generativeai",
                     "google.genai", "vertexai", "langchain", "litellm", "together", "huggingface_hub", "pydantic_ai",
                     "crewai", "llama_index", "langgraph", "smolagents", "dspy", "haystack", "agents", "autogen",
                     "semantic_kernel", "google.adk", "strands", "agno", "mcp", "boto3", "transformers", "instructor",
                     "marvin", "fastmcp")
# What a module that may build a system prompt spells (searched in its text, before any walk): `"role": "system"` (or
# "developer"), `SystemMessage`, `system=` (`system_prompt`, `system_instruction`, `system_message`, `instructions` at a
# word start) or `("system", ...`. Each part is searched from a word of its own, which the regular expression engine
# skips to: one pattern of all of them tried each alternative at every position of the text (Django's 883 modules had
# it searched for 0.14 s of CPU, a sixth of the LLM rule's walk).
ROLE_TEXT = lazy_pattern(r"""role["']\s*:\s*["'](?:system|developer)""")  # after a quote
SYSTEM_ITEM_TEXT = lazy_pattern(r"""system["']\s*,""")  # after a quote, after `(` and spaces
SYSTEM_ASSIGNMENTS = (lazy_pattern(r"system(?:_prompt|_instruction|_message)?\s*="), lazy_pattern(r"instructions\s*="))
# Text one of which every system prompt's spelling above holds: most modules hold none and are not searched.
SYSTEM_PROMPT_WORDS = ("ystem", "instructions", "developer")


def builds_system_prompts(source: str) -> bool:
    """Whether a module's text may write a system prompt (`"role": "system"`, `SystemMessage`, `system=`)."""
    if not any(word in source for word in SYSTEM_PROMPT_WORDS):
        return False
    if "SystemMessage" in source or any(_after_quote(source, match.start()) for match in ROLE_TEXT.finditer(source)):
        return True
    if any(_after_quote(source, match.start()) and _after_open_parenthesis(source, match.start() - 1)
           for match in SYSTEM_ITEM_TEXT.finditer(source)):
        return True
    return any(next(word_start_matches(keyword, source), None) is not None for keyword in SYSTEM_ASSIGNMENTS)


def _after_quote(source: str, position: int) -> bool:
    return position > 0 and source[position - 1] in "\"'"


def _after_open_parenthesis(source: str, position: int) -> bool:
    """Whether `(` and nothing but white space comes before `position` (`("system", ...`)."""
    index = position - 1
    while index >= 0 and source[index].isspace():
        index -= 1
    return index >= 0 and source[index] == "("


def prompt_data_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Documents a retriever or a loader returned, and what running a tool returned."""
    if type(node) is not cst.Call:
        return None
    func = node.func
    if type(func) is cst.Attribute:
        method = func.attr.value
        receiver = func.value.func if type(func.value) is cst.Call else func.value
        receiver_name = (dotted_name(receiver) or "").rpartition(".")[2].lower()
        if method in RETRIEVAL_METHODS or (method in RETRIEVER_METHODS and RETRIEVER_NAME.search(receiver_name)) \
                or (method in LOADER_METHODS and LOADER_NAME.search(receiver_name)):
            return Taint(PROMPT_DATA, short_code(func) + "(...)")
        if method == "call_tool" or (method in TOOL_RUN_METHODS and _names_a_tool(func.value)):
            return Taint(PROMPT_DATA, short_code(func) + "(...)")
    if type(func) is cst.Subscript and TOOL_TABLE_NAME.search((dotted_name(func.value) or "").lower()):
        return Taint(PROMPT_DATA, short_code(func) + "(...)")
    if TOOL_RUNNER.match(callee_tail(func) or ""):
        return Taint(PROMPT_DATA, short_code(func) + "(...)")
    return None


def with_prompt_data(source: SourceFinder) -> SourceFinder:
    """`source`, and retrieved documents and tool results before it."""
    def found(node: cst.BaseExpression, state: FlowState) -> Taint | None:
        return prompt_data_source(node, state) or source(node, state)
    return found


def _names_a_tool(receiver: cst.BaseExpression) -> bool:
    """`tool`, `selected_tool`, `self.search_tool`, `tools_by_name[name]`."""
    if type(receiver) is cst.Subscript:
        return TOOL_TABLE_NAME.search((dotted_name(receiver.value) or "").lower()) is not None
    return TOOL_NAME.search((dotted_name(receiver) or "").rpartition(".")[2].lower()) is not None


def system_prompt_parts(node: cst.CSTNode, keywords: bool = True) -> list[cst.BaseExpression]:
    """The text `node` puts in a system prompt: a `{"role": "system", "content": ...}` message, `SystemMessage(...)`,
    a `("system", ...)` tuple, or (when `keywords`) a `system=`/`instructions=`-style argument."""
    kind = type(node)
    if kind is cst.Dict:
        fields = {string_value(element.key): element.value for element in node.elements  # type: ignore[attr-defined]
                  if type(element) is cst.DictElement}
        role = fields.get("role")
        content = fields.get("content")
        return [content] if content is not None and string_value(role) in SYSTEM_ROLES else []
    if kind is cst.Tuple:
        elements = node.elements  # type: ignore[attr-defined]
        if len(elements) == 2 and string_value(elements[0].value) in SYSTEM_ROLES:
            return [elements[1].value]
        return []
    if kind is not cst.Call:
        return []
    call: cst.Call = node  # type: ignore[assignment]
    if callee_tail(call.func) in SYSTEM_MESSAGE_CLASSES:
        content = call_argument(call, 0, "content")
        return [content] if content is not None else []
    if not keywords:
        return []
    return [arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value in SYSTEM_KEYWORDS]
