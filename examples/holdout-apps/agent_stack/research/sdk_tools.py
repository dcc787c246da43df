"""Tools for the OpenAI Agents SDK, smolagents, pydantic-ai and AutoGen front ends of the same assistant."""

import pickle
import sqlite3
import subprocess
from pathlib import Path

import httpx
from agents import Agent, Runner, function_tool
from autogen import AssistantAgent, UserProxyAgent, register_function
from jinja2 import Environment, Template
from jinja2.sandbox import SandboxedEnvironment
from pydantic_ai import Agent as PydanticAgent
from pydantic_ai import RunContext
from smolagents import CodeAgent, Tool, tool

DB = "/srv/research/findings.db"
NOTES = Path("/srv/research/notes").resolve()
ALLOWED_HOSTS = {"api.github.com": "https://api.github.com", "pypi.org": "https://pypi.org"}


@function_tool
def run_sql(query: str) -> str:
    """Run SQL against the findings database."""
    with sqlite3.connect(DB) as db:
        # expect: VC401
        return str(db.execute(query).fetchall())


@function_tool
def render_note(template_source: str, title: str) -> str:
    """Render a note from a Jinja template."""
    # expect: VC401
    return Template(template_source).render(title=title)


@function_tool
def render_note_sandboxed(template_source: str, title: str) -> str:
    """Render a note from a template in a sandbox."""
    # ok: VC401
    return SandboxedEnvironment().from_string(template_source).render(title=title)


assistant = Agent(name="researcher", instructions="Help with research.", tools=[run_sql, render_note])


@tool
def shell(command: str) -> str:
    """Runs a shell command.

    Args:
        command: the command line.
    """
    # expect: VC401
    return subprocess.getoutput(command)


class DownloadTool(Tool):
    name = "download"
    description = "Download a URL and return the body."
    inputs = {"url": {"type": "string", "description": "the URL"}}
    output_type = "string"

    def forward(self, url: str) -> str:
        # expect: VC401, VC107
        return httpx.get(url).text


class ApiTool(Tool):
    name = "api_get"
    description = "Call a known API host."
    inputs = {"host": {"type": "string", "description": "api.github.com or pypi.org"},
              "path": {"type": "string", "description": "the path"}}
    output_type = "string"

    def forward(self, host: str, path: str) -> str:
        base = ALLOWED_HOSTS.get(host)
        if base is None:
            return "host not allowed"
        # ok: VC401
        # expect: VC107
        return httpx.get(base + "/", params={"q": path}).text


code_agent = CodeAgent(tools=[shell, DownloadTool(), ApiTool()], model=None)

pyd_agent = PydanticAgent("openai:gpt-4o", system_prompt="You manage research notes.")


@pyd_agent.tool_plain
def load_snapshot(blob_hex: str) -> str:
    """Restore a saved analysis snapshot."""
    # expect: VC401
    return repr(pickle.loads(bytes.fromhex(blob_hex)))


@pyd_agent.tool
def delete_note(ctx: RunContext[str], name: str) -> str:
    """Delete a note by name."""
    # expect: VC401
    (NOTES / name).unlink()
    return "deleted"


def list_files(folder: str) -> str:
    """List the files in a folder."""
    # expect: VC401, VC108
    return subprocess.run(f"ls -la {folder}", shell=True, capture_output=True, text=True).stdout


def count_lines(name: str) -> int:
    """Count the lines of a note."""
    target = (NOTES / name).resolve()
    if NOTES not in target.parents:
        raise ValueError("outside notes")
    # ok: VC401
    return len(target.read_text().splitlines())


caller = AssistantAgent("planner", llm_config={"model": "gpt-4o"})
executor = UserProxyAgent("executor", human_input_mode="NEVER", code_execution_config=False)
register_function(list_files, caller=caller, executor=executor, description="List files in a folder.")
register_function(count_lines, caller=caller, executor=executor, description="Count lines of a note.")


@executor.register_for_execution()
@caller.register_for_llm(description="Evaluate a Python expression.")
def evaluate(expression: str) -> str:
    # expect: VC401
    return str(eval(expression))


def ask(question: str) -> str:
    result = Runner.run_sync(assistant, question)
    env = Environment(autoescape=True)
    # expect: VC401
    return env.from_string(result.final_output).render()
