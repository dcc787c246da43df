"""VC401 corpus: a loop over a reply's tool calls hands each to a function of the module (`handle_tool(block)`): the
parameter it reads as a tool call (`block.name`, `block.input[...]`; `call.function.arguments`) is what the model
wrote, whoever calls the function."""
import json
import sqlite3
import subprocess

import anthropic

claude = anthropic.Anthropic()
FOLDERS = {"uploads": "/srv/uploads", "docs": "/srv/docs"}


def handle_tool(block) -> str:
    if block.name == "query":
        # expect: VC401 -- the model's SQL
        return repr(sqlite3.connect("app.db").execute(block.input["sql"]).fetchall())
    if block.name == "shell":
        # expect: VC401 -- the model's command line
        return subprocess.run(block.input["command"], shell=True, capture_output=True, text=True).stdout
    folder = FOLDERS.get(block.input.get("folder", ""), FOLDERS["docs"])
    # ok: VC401 -- the model only picks an entry of the table
    return subprocess.run(["du", "-sh", folder], capture_output=True, text=True, check=True).stdout


def run_tool_call(tool_call) -> str:
    arguments = json.loads(tool_call.function.arguments)
    # expect: VC401 -- OpenAI's tool call: the model wrote the arguments
    return subprocess.run(arguments["command"], shell=True, capture_output=True, text=True).stdout


def run_form(form) -> str:
    # ok: VC401 -- `form.input` without a tool's name is no tool-use block
    return subprocess.run(form.input["command"], shell=True, capture_output=True, text=True).stdout


def run_step(step) -> str:
    # ok: VC401 -- a parameter that reads no tool call
    return subprocess.run(step.name, shell=True, capture_output=True, text=True).stdout
