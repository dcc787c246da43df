"""VC401 corpus: model output reaching code execution, shells, SQL, written paths or deserializers."""
import functools
import importlib
import json
import os
import pickle
import re
import urllib.request
from urllib.parse import urlparse
import shutil
import subprocess
import sys
from pathlib import Path

import anthropic
import boto3
import litellm
import httpx
import ollama
import openai
import requests
import pandas as pd
import markdown
import streamlit as st
from fastapi.responses import HTMLResponse
from flask import render_template_string
from jinja2 import Environment
import dspy
import yaml
from agents import Runner, function_tool
from google import genai
from haystack.components.fetchers import LinkContentFetcher
from haystack.components.generators import OpenAIGenerator
from autogen import AssistantAgent, UserProxyAgent, register_function
from autogen_core.tools import FunctionTool
from crewai.tools import BaseTool as CrewTool
from langchain_core.tools import StructuredTool
from google.adk.agents import Agent as AdkAgent
from langgraph.graph import StateGraph
from llama_index.core.tools import FunctionTool as IndexTool
from semantic_kernel.functions import kernel_function
from strands import tool as strands_tool
from langgraph.prebuilt import ToolNode
from smolagents import Tool as SmolTool
from crewai import Crew
from huggingface_hub import InferenceClient as HFClient
from jinja2.sandbox import SandboxedEnvironment
from langchain.tools import tool as lc_tool
from langgraph.prebuilt import create_react_agent
from llama_index.core import VectorStoreIndex
from mcp.server.fastmcp import FastMCP
from pydantic_ai import Agent as TypedAgent, RunContext
from transformers import pipeline
from langchain_openai import ChatOpenAI
from langchain_community.utilities import SQLDatabase
from markupsafe import Markup, escape
from litellm import completion
from openai import OpenAI
from sqlalchemy import text

client = OpenAI()
claude = anthropic.Anthropic()
llm = ChatOpenAI(model="gpt-4o")
ALLOWED = {"status", "log"}
hf = HFClient(model="Qwen/Qwen2.5-Coder-32B-Instruct")
generator = pipeline("text-generation", model="gpt2")
bedrock = boto3.client("bedrock-runtime")
s3 = boto3.client("s3")
query_engine = VectorStoreIndex.from_documents([]).as_query_engine()
graph = create_react_agent(llm, tools=[])
coder = TypedAgent("openai:gpt-4o")
crew = Crew(agents=[], tasks=[])
mcp = FastMCP("ops")


def openai_eval(prompt):
    response = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    answer = response.choices[0].message.content
    # expect: VC401
    return eval(answer)


def anthropic_exec(prompt):
    message = claude.messages.create(model="claude-3-5-sonnet-latest", max_tokens=1024,
                                     messages=[{"role": "user", "content": prompt}])
    code = message.content[0].text
    cleaned = code.strip().removeprefix("```python")
    # expect: VC401
    exec(cleaned)


def litellm_shell(task):
    result = completion(model="gpt-4o-mini", messages=[{"role": "user", "content": task}])
    command = result["choices"][0]["message"]["content"]
    # expect: VC401
    os.system(f"bash -c '{command}'")


def legacy_openai_subprocess(task):
    reply = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": task}])
    text_out = reply.choices[0].message["content"]
    args = text_out.split()
    # expect: VC401
    subprocess.run(args)


def langchain_sql(cursor, question):
    sql = llm.invoke(f"Write SQL for: {question}").content
    # expect: VC401
    cursor.execute(sql)


def ollama_sqlalchemy(session, question):
    answer = ollama.chat(model="llama3", messages=[{"role": "user", "content": question}])
    query = answer["message"]["content"]
    # expect: VC401
    return session.execute(text(query))


def json_then_write(prompt):
    raw = client.responses.create(model="gpt-4o", input=prompt).output_text
    plan = json.loads(raw)
    target = plan["filename"]
    # expect: VC401
    with open(target, "w") as handle:
        handle.write(plan["content"])


def pickle_from_model(prompt):
    blob = litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    payload = blob.choices[0].message.content.encode()
    # expect: VC401
    return pickle.loads(payload)


async def async_eval(prompt, aclient):
    response = await aclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    # expect: VC401
    return eval(response.choices[0].message.content)


def chain_run_popen(chain, topic):
    output = chain.run(topic)
    step = output
    # expect: VC401
    return os.popen(step).read()


def ollama_client_object(question):
    local = ollama.Client(host="http://localhost:11434")
    reply = local.generate(model="llama3", prompt=question)
    # expect: VC401
    exec(reply["response"])


def run_generated(generated_code):
    snippet = generated_code.strip()
    # expect: VC401
    exec(snippet)


def model_parameter_is_not_output(model, code):
    # ok: VC401
    exec(code)


def allow_listed_command(task):
    response = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    command = response.choices[0].message.content.strip()
    if command in ALLOWED:
        # ok: VC401
        subprocess.run(["git", command])


def parameterised_sql(cursor, question):
    name = llm.invoke(f"Which customer does this ask about: {question}").content
    # ok: VC401
    cursor.execute("SELECT * FROM customers WHERE name = %s", (name,))


def read_only_open(prompt):
    path = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}]).choices[0].message.content
    # ok: VC401
    with open("answers.log", "a") as handle:
        handle.write(path)


def quoted_for_shell(task):
    import shlex
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    filename = shlex.quote(reply.choices[0].message.content)
    # ok: VC401
    os.system("wc -l " + filename)


def literal_eval_is_safe(prompt):
    import ast
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    # ok: VC401
    return ast.literal_eval(reply.choices[0].message.content)


def eval_of_user_constant():
    expression = "1 + 2"
    # ok: VC401
    return eval(expression)


def reassigned_before_sink(prompt):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    command = reply.choices[0].message.content
    command = "ls -l"
    # ok: VC401
    os.system(command)


def unrelated_run(thread, data):
    result = thread.run(data)
    # ok: VC401
    exec(result)


def integer_from_model(cursor, prompt):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    limit = int(reply.choices[0].message.content)
    # ok: VC401
    cursor.execute(f"SELECT * FROM t LIMIT {limit}")


def anthropic_tool_use_blocks(task):
    message = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": task}])
    for block in message.content:
        if block.type == "tool_use" and block.name == "shell":
            # expect: VC401
            subprocess.run(block.input["command"], shell=True)


def tool_call_arguments_after_role_check(prompt):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}], tools=[])
    choice = reply.choices[0]
    if choice.finish_reason == "tool_calls":
        arguments = json.loads(choice.message.tool_calls[0].function.arguments)
        # expect: VC401
        eval(arguments["expression"])


def tool_name_checked_against_allow_list(task):
    message = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": task}])
    for block in message.content:
        if block.input["command"] in ALLOWED:
            # ok: VC401
            os.system(block.input["command"])


def substring_denylist_before_shell(task):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    command = reply.choices[0].message.content
    if ";" in command or "&&" in command or "|" in command:
        raise ValueError("refusing a chained command")
    # expect: VC401
    return subprocess.run(command, shell=True, check=True)


def allow_listed_command(task):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    command = reply.choices[0].message.content.strip()
    if command not in ALLOWED:
        raise ValueError("unknown action")
    # ok: VC401
    return subprocess.run(["tool", command], check=True)


def code_block_pulled_out_with_a_regex(task):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    text_out = reply.choices[0].message.content
    block = re.search(r"```(?:python)?\n(.*?)```", text_out, re.S)
    code = block.group(1) if block else text_out
    # expect: VC401
    exec(code)


def fences_removed_with_a_regex(cursor, question):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    sql = re.sub(r"^```sql|```$", "", reply.choices[0].message.content.strip())
    # expect: VC401
    cursor.execute(sql)


def name_kept_to_allowed_characters(topic):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": topic}])
    name = re.sub(r"[^a-z0-9_-]", "", reply.choices[0].message.content.lower())
    digits = re.findall(r"\d+", reply.choices[0].message.content)
    # ok: VC401
    with open(f"/srv/notes/{name}-{digits[0]}.md", "w") as handle:
        handle.write("")


CODE_BLOCK = re.compile(r"```(?:python)?\n(.*?)```", re.S)
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def code_block_from_a_compiled_pattern(task):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    # expect: VC401
    exec(CODE_BLOCK.search(reply.choices[0].message.content).group(1))


def fences_removed_with_a_pattern_made_on_the_spot(cursor, question):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    sql = re.compile(r"```(sql)?").sub("", reply.choices[0].message.content)
    # expect: VC401
    cursor.execute(sql)


def name_matched_by_a_compiled_pattern_of_known_characters(topic):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": topic}])
    found = IDENTIFIER.fullmatch(reply.choices[0].message.content)
    if found:
        # ok: VC401
        importlib.import_module(f"plugins.{found.group(0)}")


def select_prefix_is_no_check(session, question):
    sql = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    sql = sql.choices[0].message.content
    if not sql.strip().lower().startswith(("select", "with")):
        return None
    # expect: VC401
    return session.execute(text(sql)).fetchall()


def first_word_is_no_check(session, question):
    sql = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    sql = sql.choices[0].message.content
    if sql.strip().split()[0].lower() != "select":
        return None
    # expect: VC401 -- the first word pins how the text starts, not what follows it
    return session.execute(text(sql)).fetchall()


def leading_characters_are_no_check(session, question):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    sql = reply.choices[0].message.content
    if sql[:6].upper() != "SELECT":
        return None
    # expect: VC401
    return session.execute(text(sql)).fetchall()


def allow_listed_query(session, question):
    name = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    name = name.choices[0].message.content
    if name not in ALLOWED:
        return None
    # ok: VC401
    return session.execute(text(f"SELECT * FROM reports WHERE name = '{name}'")).fetchall()


def answer_as_template(question):
    answer = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    # expect: VC401
    return render_template_string("<div>" + answer.choices[0].message.content + "</div>")


def answer_from_string(question):
    reply = llm.invoke(question).content
    # expect: VC401
    return Environment().from_string(reply).render()


def answer_in_sandbox(question):
    reply = llm.invoke(question).content
    # ok: VC401 -- a sandboxed environment
    return SandboxedEnvironment().from_string(reply).render()


def answer_as_markup(question):
    reply = llm.invoke(question).content
    # expect: VC401
    return Markup(markdown.markdown(reply))


def answer_escaped(question):
    reply = llm.invoke(question).content
    # ok: VC401
    return Markup(escape(reply))


def answer_page(question):
    reply = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=512, messages=[])
    # expect: VC401
    return HTMLResponse(reply.content[0].text)


def streamlit_answer(question):
    summary = client.responses.create(model="gpt-4.1", input=question).output_text
    # expect: VC401
    st.markdown(summary, unsafe_allow_html=True)
    # ok: VC401 -- rendered as Markdown, HTML escaped
    st.markdown(summary)


def model_picks_file_to_read(question):
    plan = json.loads(llm.invoke(question).content)
    # expect: VC401
    with open(plan["path"]) as handle:
        return handle.read()


def model_cleans_up(question):
    plan = json.loads(llm.invoke(question).content)
    for stale in plan["cleanup"]:
        # expect: VC401
        shutil.rmtree(stale, ignore_errors=True)
    # expect: VC401
    Path(plan["notes"]).write_text(plan["content"])


def model_writes_content_only(question):
    reply = llm.invoke(question).content
    # ok: VC401 -- the model chose the content, not the path
    Path("answers/latest.md").write_text(reply.replace("\r", ""))
    # ok: VC401
    os.remove("answers/previous.md")


def hugging_face_eval(question):
    expression = hf.text_generation(f"Python expression for {question}")
    # expect: VC401
    return eval(expression)


def pipeline_sql(cursor, question):
    sql = generator(f"SQL for {question}")[0]["generated_text"]
    # expect: VC401
    cursor.execute(sql)


def bedrock_command(task):
    response = bedrock.converse(modelId="anthropic.claude-3-haiku", messages=[{"role": "user", "content": [{"text": task}]}])
    # expect: VC401
    os.system(response["output"]["message"]["content"][0]["text"])


def runbook_command(task):
    answer = query_engine.query(f"Command for {task}")
    # expect: VC401
    subprocess.run(str(answer), shell=True)


def agents_sdk_command(agent, task):
    result = Runner.run_sync(agent, task)
    # expect: VC401
    subprocess.check_output(result.final_output, shell=True)


def typed_agent_eval(question):
    # expect: VC401
    return eval(coder.run_sync(question).output)


def crew_command():
    # expect: VC401
    os.system(crew.kickoff().raw)


def graph_command(task):
    state = graph.invoke({"messages": [("user", task)]})
    # expect: VC401
    subprocess.run(state["messages"][-1].content, shell=True)


def s3_object_is_not_model_output(bucket, key):
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    # ok: VC401
    return eval(body)


def client_name_taken_by_a_parameter(generator, prompt):
    # ok: VC401 -- the parameter, not the module's pipeline
    return eval(generator(prompt))


def query_on_something_else(session, text):
    rows = session.query(text)
    # ok: VC401
    return eval(rows)


def index_query_engine_only_configured(question):
    engine = VectorStoreIndex.from_documents([]).as_query_engine(similarity_top_k=3)
    # ok: VC401 -- the engine is built, not asked
    return eval(repr(engine.similarity_top_k))


@lc_tool
def shell_tool(command: str) -> str:
    """Run a shell command for the agent."""
    # expect: VC401
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


@function_tool
def tail_tool(path: str, lines: int) -> str:
    # expect: VC401
    return subprocess.check_output(f"tail -n {lines} {path}", shell=True, text=True)


@coder.tool
def query_tool(ctx: RunContext[None], sql: str) -> list:
    # expect: VC401
    return ctx.deps.cursor.execute(sql).fetchall()


@coder.tool_plain(retries=2)
def python_tool(code: str) -> str:
    # expect: VC401
    return str(eval(code))


@coder.tool_plain
def countdown_tool(seconds: int) -> str:
    # ok: VC401 -- a number, validated by the framework
    return subprocess.check_output(f"sleep {seconds}", shell=True, text=True)


@coder.tool
def context_only_tool(ctx: RunContext[None]) -> str:
    # ok: VC401
    return subprocess.check_output(ctx.deps.command, shell=True, text=True)


@mcp.tool()
def mcp_shell(command: str) -> str:
    # ok: VC401 -- an MCP client's argument, VC421's to report
    return subprocess.check_output(command, shell=True, text=True)


def plain_helper(command: str) -> str:
    # ok: VC401 -- no tool: its callers decide
    return subprocess.check_output(command, shell=True, text=True)


def model_code_through_interpreter(question):
    code = llm.invoke(question).content
    # expect: VC401
    subprocess.run([sys.executable, "-c", code], check=True)
    # expect: VC401
    subprocess.run(("node", "-e", code), check=True)


def model_names_the_program(question):
    program = llm.invoke(question).content.split()[0]
    # expect: VC401
    subprocess.run([program, "--version"], check=True)


def model_text_as_one_argument(question):
    path = llm.invoke(question).content.strip()
    # ok: VC401 -- one word for a fixed program, after `--`
    subprocess.run(["git", "log", "--oneline", "--", path], check=True)
    # ok: VC401 -- an argument of the script, not the code after `-c`
    subprocess.run(["python3", "-c", "import sys; print(sys.argv[1])", path], check=True)


def model_text_in_a_list_built_first(question):
    answer = llm.invoke(question).content
    argv = ["echo", answer]
    # ok: VC401 -- the list's program is fixed; the model's text is one word for it
    subprocess.run(argv, check=True)
    base = ["git", "log", "--grep"]
    # ok: VC401 -- the program is the list's
    subprocess.run(base + [answer], check=True)
    script = [sys.executable, "-c", answer]
    # expect: VC401
    subprocess.run(script, check=True)
    chosen = [answer.split()[0], "--help"]
    # expect: VC401
    subprocess.run(chosen, check=True)
    words = answer.split()
    # expect: VC401
    subprocess.run(words, check=True)
    shell = ["sh", "-c"]
    shell.append(answer)
    # expect: VC401
    subprocess.run(shell, check=True)
    commit = ["git", "commit", "-m"]
    commit.append(answer)
    # ok: VC401 -- the model writes the commit message, one word for git
    subprocess.run(commit, check=True)


TOOL_COMMANDS = {"calendar": ["gcalcli", "add"], "todo": ["todo.sh", "add"]}


def model_text_after_a_starred_program(question):
    answer = llm.invoke(question).content
    argv = TOOL_COMMANDS["todo"]
    # ok: VC401 -- the program comes from the starred table entry; the model's text is one word for it
    subprocess.run([*argv, answer], check=True)
    # expect: VC401 -- the model's words are spread into the program's place
    subprocess.run([*answer.split(), "--verbose"], check=True)


classifier = pipeline("text-classification", model="distilbert-base-uncased-finetuned-sst-2-english")
zero_shot = pipeline(task="zero-shot-classification")
summarizer = pipeline("summarization")
translator = pipeline("translation_en_to_fr")
unnamed_task = pipeline(model="gpt2")


def classifier_label_is_not_model_text(review):
    label = classifier(review)[0]["label"]
    # ok: VC401 -- one of the classifier's own labels
    with open(os.path.join("reviews", label), "a") as handle:
        handle.write(review)
    queue = zero_shot(review, candidate_labels=["bug", "billing"])["labels"][0]
    # ok: VC401
    os.remove(os.path.join("queues", queue))


def generated_summaries_are_model_text(article):
    summary = summarizer(article)[0]["summary_text"]
    # expect: VC401
    os.system("notify-send " + summary)
    french = translator(article)[0]["translation_text"]
    # expect: VC401
    eval(french)
    # expect: VC401
    eval(unnamed_task(article)[0]["generated_text"])


def nested_sinks_report_once(question):
    code = llm.invoke(question).content
    # expect: VC401
    exec(compile(code, "<llm>", "exec"))


def model_picks_the_tool_by_name(messages, tools_module):
    call = client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.tool_calls[0]
    args = json.loads(call.function.arguments)
    # expect: VC401
    handler = getattr(tools_module, call.function.name)
    handler(**args)
    # expect: VC401
    getattr(tools_module, call.function.name)(**args)
    # expect: VC401
    globals()[call.function.name](**args)


def model_picks_from_a_fixed_family(messages, toolbox):
    call = client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.tool_calls[0]
    args = json.loads(call.function.arguments)
    # ok: VC401 -- a table of allowed tools
    TOOLS[call.function.name](**args)
    # ok: VC401 -- only the `tool_` methods
    getattr(toolbox, f"tool_{call.function.name}")(**args)
    # ok: VC401 -- an attribute read, not called
    colour = getattr(toolbox.palette, call.function.name, "grey")
    return colour


TOOLS = {"search": len}


SENTIMENT_TASK = "sentiment-analysis"
sentiment = pipeline(SENTIMENT_TASK)


def sentiment_label_from_a_named_task(review):
    label = sentiment(review)[0]["label"]
    # ok: VC401 -- the task, named by a constant, is a classifier
    with open(os.path.join("reviews", label), "a") as handle:
        handle.write(review)


def model_sql_to_pandas(question, engine):
    sql = llm.invoke(f"SQL for {question}").content
    # expect: VC401
    return pd.read_sql(sql, engine)


def model_sql_in_text_reported_once(session, question):
    sql = llm.invoke(f"SQL for {question}").content
    # expect: VC401
    return session.execute(text(sql))


@lc_tool
def fetch_page(url: str) -> str:
    """Fetch a web page for the agent."""
    # expect: VC401 -- the model picks the address the server requests (medium)
    return httpx.get(url, follow_redirects=True, timeout=20).text


def summarise_link(question):
    reply = openai.OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    link = reply.choices[0].message.content.strip()
    # expect: VC401
    page = requests.request("GET", link, timeout=10).text
    # expect: VC401
    return page + urllib.request.urlopen(link, timeout=10).read().decode()


@lc_tool
async def fetch_page_async(url: str) -> str:
    """Fetch a web page for the agent, through a shared client."""
    async with httpx.AsyncClient(timeout=10) as http:
        # expect: VC401 -- a client's request, at the address the model picked
        resp = await http.get(url)
        return resp.text


@lc_tool
def post_to_webhook(url: str, text: str) -> str:
    """Post a message to a webhook."""
    with httpx.Client(timeout=10) as client:
        # expect: VC401
        return client.request("POST", url, json={"text": text}).text


@lc_tool
async def weather_for(latitude: float, city: str) -> str:
    """Current weather: the model picks the query, not the host."""
    async with httpx.AsyncClient(timeout=10) as http:
        # ok: VC401 -- a fixed address; the model's text goes in the query string
        resp = await http.get("https://api.open-meteo.com/v1/forecast", params={"city": city})
        return resp.text


@lc_tool
def lookup_order(order_id: str) -> str:
    """Look an order up."""
    # ok: VC401 -- a dict's `get`, not a request
    return ORDERS.get(order_id, "unknown")


ORDERS = {"1": "shipped"}
DOC_HOSTS = {"docs.python.org", "developer.mozilla.org"}


@lc_tool
def fetch_docs(url: str) -> str:
    """Fetch a page of the allowed documentation sites."""
    if urlparse(url).hostname not in DOC_HOSTS:
        raise ValueError("only documentation sites")
    # ok: VC401 -- the host is checked against an allow-list first
    return requests.get(url, timeout=10).text


class ShellTool(CrewTool):
    name: str = "shell"

    def _run(self, command: str) -> str:
        # expect: VC401 -- CrewAI calls `_run` with the arguments the model chose
        return subprocess.getoutput(command)

    def _arun(self, command: str, retries: int) -> str:
        # ok: VC401 -- a number the framework validated
        os.system("sleep " + retries)
        # expect: VC401
        return subprocess.getoutput(command)

    def describe(self, command: str) -> str:
        # ok: VC401 -- not the method the framework calls with the model's arguments
        return subprocess.getoutput(command)


class ReadOnlyShellTool(ShellTool):
    def _run(self, command: str) -> str:
        # expect: VC401 -- a tool class through the module's own tool base
        return subprocess.getoutput(command)


class DownloadTool(SmolTool):
    name = "download"

    def forward(self, url: str) -> str:
        # expect: VC401 -- smolagents calls `forward` with the model's arguments
        return requests.get(url, timeout=10).text


class Worker:
    def _run(self, command: str) -> str:
        # ok: VC401 -- not a tool class
        return subprocess.getoutput(command)

    def forward(self, command: str) -> str:
        # ok: VC401
        return subprocess.getoutput(command)


def list_folder(folder: str) -> str:
    # expect: VC401 -- registered below with AutoGen's `register_function`
    return subprocess.getoutput(f"ls {folder}")


def core_tool(command: str) -> str:
    # expect: VC401 -- wrapped in AutoGen's `FunctionTool`
    return subprocess.getoutput(command)


def structured(command: str) -> str:
    # expect: VC401 -- `StructuredTool.from_function(func=...)`
    return subprocess.getoutput(command)


def graph_tool(command: str) -> str:
    # expect: VC401 -- listed in a LangGraph `ToolNode`
    return subprocess.getoutput(command)


def bound_tool(command: str) -> str:
    # expect: VC401 -- bound to a chat model with `bind_tools`
    return subprocess.getoutput(command)


def unregistered(command: str) -> str:
    # ok: VC401 -- no framework hands this one to a model
    return subprocess.getoutput(command)


planner = AssistantAgent("planner", llm_config={"model": "gpt-4o"})
runner = UserProxyAgent("runner", human_input_mode="NEVER")
register_function(list_folder, caller=planner, executor=runner, description="List a folder.")
CORE_TOOL = FunctionTool(core_tool, description="Run a command.")
STRUCTURED = StructuredTool.from_function(func=structured, name="structured")
GRAPH_TOOLS = ToolNode([graph_tool])
BOUND = ChatOpenAI(model="gpt-4o").bind_tools([bound_tool])
unregistered("uptime")


@runner.register_for_execution()
@planner.register_for_llm(description="Evaluate a Python expression.")
def evaluate(expression: str) -> str:
    # expect: VC401 -- registered with AutoGen's decorators
    return str(eval(expression))


def model_yaml(config_text):
    reply = llm.invoke(f"Fix this YAML: {config_text}").content
    # expect: VC401
    unsafe = yaml.load(reply, Loader=yaml.FullLoader)
    # ok: VC401 -- the safe loader builds only plain data
    return unsafe, yaml.load(reply, Loader=yaml.SafeLoader)


NOTES = Path("/srv/notes").resolve()


@lc_tool
def read_note(name: str) -> str:
    """Read a note from the notes folder."""
    target = (NOTES / name).resolve()
    if target.parents:
        # expect: VC401 -- that the path has parents says nothing about where it points
        return target.read_text()
    if NOTES not in target.parents:
        raise ValueError("outside the notes folder")
    # ok: VC401 -- the notes folder is checked to contain the path
    return target.read_text()


gemini = genai.Client()


def structured_and_streamed_answers(question):
    parsed = client.responses.parse(model="gpt-4o", input=question, text_format=dict).output_parsed
    # expect: VC401
    os.system(parsed["command"])
    script = ""
    for chunk in gemini.models.generate_content_stream(model="gemini-2.0-flash", contents=question):
        script += chunk.text
    # expect: VC401
    exec(script)


def dspy_program(cursor, question):
    to_sql = dspy.ChainOfThought("question -> sql")
    # expect: VC401
    cursor.execute(to_sql(question=question).sql)
    example = dspy.Example(question=question, sql="SELECT 1")
    # ok: VC401 -- an example the code wrote, not a prediction
    cursor.execute(example.sql)


def haystack_components(question, page_url):
    generator = OpenAIGenerator(model="gpt-4o-mini")
    # expect: VC401
    subprocess.run(generator.run(prompt=question)["replies"][0], shell=True)
    fetcher = LinkContentFetcher()
    # ok: VC401 -- a fetched page, not the model's words
    return open(fetcher.run(urls=[page_url])["streams"][0].meta["path"])


def write_sql(state):
    return {"sql": llm.invoke(f"SQL for {state['question']}").content}


def run_sql(state, config):
    # expect: VC401 -- a LangGraph node reads what the model wrote into the graph's state
    return {"rows": cursor.execute(state["sql"]).fetchall()}


def save_answer(state):
    # ok: VC401 -- no node fills `path` from the model's answer: the caller set it at `invoke`
    with open(state["path"], "w") as handle:
        handle.write(state["answer"])


def name_report(state, style):
    reply = llm.invoke(f"A file name for a {style} report on {state['question']}")
    name = reply.content.strip()
    return {"filename": name, "folder": "reports"}


class ReportWriter:
    def save(self, state):
        # expect: VC401 -- a method added as a node reads a field a node filled from the model's answer
        with open(state.get("filename"), "w") as handle:
            # ok: VC401 -- a literal the naming node set beside the model's answer
            os.makedirs(state["folder"], exist_ok=True)
            handle.write(state["answer"])

    def relay(self, state):
        # expect: VC401 -- `messages` holds what the model and the tool nodes wrote
        subprocess.run(state["messages"][-1].content, shell=True)

    def build(self):
        graph = StateGraph(dict)
        graph.add_node("name", functools.partial(name_report, style="short"))
        graph.add_node("save", self.save)
        graph.add_node("relay", self.relay)
        return graph


def count_rows(state):
    # ok: VC401 -- a parametrised statement
    return {"count": cursor.execute("SELECT count(*) FROM t WHERE topic = ?", (state["topic"],)).fetchone()}


def not_a_node(state):
    # ok: VC401 -- no graph hands this function its state
    return cursor.execute(state["sql"]).fetchall()


research_graph = StateGraph(dict)
research_graph.add_node("write", write_sql)
research_graph.add_node("run", run_sql)
research_graph.add_node(save_answer)
research_graph.add_node("count", action=count_rows)
not_a_node({"sql": "SELECT 1"})


def index_tool(command: str) -> str:
    # expect: VC401 -- `FunctionTool.from_defaults(fn=...)` of LlamaIndex
    return subprocess.getoutput(command)


def adk_tool(path: str) -> str:
    # expect: VC401 -- listed in a Google ADK agent's tools
    return Path(path).read_text()


@strands_tool
def strands_shell(command: str) -> str:
    # expect: VC401
    return subprocess.getoutput(command)


class ShellPlugin:
    @kernel_function(description="Run a shell command.")
    def run(self, command: str) -> str:
        # expect: VC401 -- a Semantic Kernel function the model calls
        return subprocess.getoutput(command)

    def audit(self, command: str) -> str:
        # ok: VC401 -- a plain method of the plugin
        return subprocess.getoutput(command)


INDEX_TOOL = IndexTool.from_defaults(fn=index_tool)
ADK_AGENT = AdkAgent(name="files", model="gemini-2.0-flash", tools=[adk_tool])


def runbook_or_shell(task):
    plan = json.loads(client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": task}]).choices[0].message.content)
    if plan["runbook"] in ALLOWED:
        # ok: VC401
        subprocess.run(["runbook", plan["runbook"]], check=True)
    else:
        # expect: VC401 -- the `else` runs exactly for what the allowlist refused
        subprocess.run(f"{plan['runbook']} {plan.get('args', '')}", shell=True, check=True)


def refused_command_run_anyway(task):
    command = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": task}]).choices[0].message.content
    if command not in ALLOWED:
        # expect: VC401 -- the body of `not in` runs for what the allowlist refused
        os.system(command)


def refused_command_replaced(task):
    command = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": task}]).choices[0].message.content
    if command not in ALLOWED:
        command = "status"
    # ok: VC401
    os.system(command)


def checked_after_an_and(task, user):
    command = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": task}]).choices[0].message.content
    if user and command in ALLOWED:
        # ok: VC401
        os.system(command)


def model_filters_a_frame(question, sales_df, index):
    expression = llm.invoke(f"Write a DataFrame.query() filter for: {question}").content.strip("`")
    # expect: VC401 -- pandas evaluates the expression
    rows = sales_df.query(expression)
    # expect: VC401
    totals = pd.eval(expression)
    # ok: VC401 -- a search index's query is a question, not code
    hits = index.query(expression)
    return rows, totals, hits


orders = pd.read_parquet("orders.parquet")
catalogue = pd.DataFrame({"sku": ["a", "b"]})
search = make_search_index("orders")


def model_filters_a_frame_by_another_name(question):
    expression = llm.invoke(f"Write a DataFrame.query() filter for: {question}").content
    # expect: VC401 -- `orders` holds what `pd.read_parquet` returned
    recent = orders.query(expression)
    # expect: VC401
    listed = catalogue.eval(expression)
    # ok: VC401 -- not a frame: its query is a search
    hits = search.query(expression)
    return recent, listed, hits


def run_sql_tool(query):
    # expect: VC401 -- the model chose this function from TOOLS and wrote its argument
    return sqlite_connection.execute(query).fetchall()


def fetch_page_tool(url, limit: int = 500):
    # expect: VC401
    return requests.get(url, timeout=10).text[:limit]


def lookup_product_tool(name):
    # ok: VC401 -- the model's value is a bound parameter
    return sqlite_connection.execute("SELECT * FROM products WHERE name = ?", (name,)).fetchall()


def run_report(query):
    # ok: VC401 -- not in the tool table: its caller is the program, not the model
    return sqlite_connection.execute(query).fetchall()


TOOLS = {"sql": run_sql_tool, "fetch": fetch_page_tool, "product": lookup_product_tool}


def answer_with_tools(messages):
    reply = openai.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOL_SCHEMAS).choices[0].message
    for call in reply.tool_calls or []:
        messages.append({"role": "tool", "tool_call_id": call.id,
                         "content": str(TOOLS[call.function.name](**json.loads(call.function.arguments)))})
    return messages


def archive_folder_tool(folder):
    # expect: VC401 -- the lambda in DISPATCH_TOOLS hands this function the model's argument
    return subprocess.run(f"tar czf backup.tgz {folder}", shell=True, check=True)


def rotate_logs_tool(folder):
    # ok: VC401 -- its lambda calls it with a fixed folder, not with anything the model wrote
    return subprocess.run(f"logrotate {folder}", shell=True, check=True)


DISPATCH_TOOLS = {
    "archive": lambda args: archive_folder_tool(args["folder"]),
    "rotate": lambda args: rotate_logs_tool("/var/log/app"),
}


warehouse = SQLDatabase.from_uri("sqlite:///analytics.db")


@lc_tool
def query_warehouse(sql: str) -> str:
    """Run a SQL query against the warehouse."""
    # expect: VC401 -- SQLDatabase.run executes the model's statement
    return warehouse.run(sql)


@lc_tool
def run_named_job(job: str) -> str:
    """Run one of the scheduler's jobs."""
    # ok: VC401 -- `scheduler` is not a SQLDatabase: its run is not SQL
    return scheduler.run(job)


import paramiko


def fix_remote(problem: str) -> str:
    command = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": problem}]).choices[0].message.content
    ssh = paramiko.SSHClient()
    ssh.connect("web-1", username="ops")
    # expect: VC401
    _, stdout, _ = ssh.exec_command(command)
    return stdout.read().decode()


def restart_remote(problem: str) -> str:
    ssh = paramiko.SSHClient()
    ssh.connect("web-1", username="ops")
    # ok: VC401
    _, stdout, _ = ssh.exec_command("systemctl restart app")
    return stdout.read().decode()


import builtins


def model_names_the_plugin_method(messages, plugins):
    call = client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.tool_calls[0]
    # expect: VC401 -- the model picks the method called, through the builtins module
    return builtins.getattr(plugins, call.function.name)()


def model_names_the_module_function(messages, registry):
    call = client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.tool_calls[0]
    # expect: VC401 -- bound first, then called
    handler = vars(registry)[call.function.name]
    return handler(**json.loads(call.function.arguments))


def model_names_a_setting(messages, settings):
    call = client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.tool_calls[0]
    # ok: VC401 -- looked up, never called
    chosen = vars(settings)[call.function.name]
    return str(chosen)


def pydal_filter_from_model(db, question):
    where = llm.invoke(f"A SQL WHERE clause over notes(title, body) for: {question}").content
    # expect: VC401
    return db.executesql(f"SELECT id, title FROM notes WHERE {where}", as_dict=True)


def pydal_search_with_placeholders(db, question):
    term = llm.invoke(f"One search word for: {question}").content
    # ok: VC401 -- the model's word is a bound placeholder
    return db.executesql("SELECT id FROM notes WHERE title LIKE ?", placeholders=[f"%{term}%"])
