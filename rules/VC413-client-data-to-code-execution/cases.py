"""VC413 corpus: client and command-line input run as code or imported by name, and the parsing look-alikes."""
import argparse
import ast
import code
import importlib
import json
import sys
from pathlib import Path

import applescript
import applescript as apple
import click
import gradio as gr
import osascript
import runpy
import typer
import streamlit as st

from fastapi import FastAPI
from flask import Flask, request
from mcp.server.fastmcp import FastMCP

app = Flask(__name__)
api = FastAPI()
mcp = FastMCP("desktop")
PLUGINS = {"csv": "exporters.csv", "json": "exporters.json"}
OPERATIONS = {"square": "x ** 2", "half": "x / 2"}
EVALUATORS = {"expr": eval, "literal": ast.literal_eval}  # a table of callables: `EVALUATORS[mode](text)`


@app.get("/calc")
def calc():
    expression = request.args["expr"]
    # expect: VC413
    return str(eval(expression))


@app.post("/run")
def run_snippet():
    snippet = request.get_json()["code"]
    # expect: VC413
    exec(snippet, {})
    return "ok"


@api.get("/filter")
async def fastapi_filter(rule: str):
    # expect: VC413
    predicate = eval(f"lambda row: {rule}")
    return {"ok": predicate is not None}


@app.post("/compile")
def compile_client_code():
    source = request.form["source"]
    program = compile(source, "<client>", "exec")
    # expect: VC413
    exec(program)
    return "ok"


@app.post("/syntax")
def syntax_check_only():
    source = request.form["source"]
    # ok: VC413
    compile(source, "<client>", "exec")
    return "valid"


@app.get("/export")
def import_by_name():
    fmt = request.args.get("format", "csv")
    # expect: VC413
    module = importlib.import_module(f"exporters.{fmt}")
    return module.run()


@app.get("/dunder-import")
def dunder_import():
    # expect: VC413
    return str(__import__(request.args["module"]))


@app.post("/console")
def interactive_console():
    console = code.InteractiveConsole()
    # expect: VC413
    console.push(request.form["line"])
    return "ok"


def lambda_handler(event, context):
    formula = event["formula"]
    # expect: VC413
    return {"result": eval(formula)}


def cli_main():
    # expect: VC413
    print(eval(sys.argv[1]))


def repl():
    line = input("> ")
    # expect: VC413
    exec(line)


@app.get("/literal")
def literal_eval_instead():
    # ok: VC413
    return str(ast.literal_eval(request.args["value"]))


@app.get("/number")
def converted_first():
    count = int(request.args["count"])
    # ok: VC413
    return str(eval("count * 2", {"count": count}))


@app.get("/json")
def json_instead():
    # ok: VC413
    return str(json.loads(request.args["payload"]))


@app.get("/plugin")
def import_from_allow_list():
    fmt = request.args.get("format", "csv")
    # ok: VC413
    module = importlib.import_module(PLUGINS.get(fmt, "exporters.csv"))
    return module.run()


@app.get("/checked")
def checked_against_allow_list():
    name = request.args["name"]
    if name not in PLUGINS:
        return "unknown", 404
    # ok: VC413
    return str(importlib.import_module(name))


def constant_code():
    # ok: VC413
    return eval("1 + 2")


def internal_helper(expression):
    # ok: VC413
    return eval(expression, {"__builtins__": {}})


@app.get("/model-eval")
def method_named_eval():
    model = object()
    # ok: VC413
    return str(getattr(model, "eval")(request.args["x"]))


def from_pyfile(namespace, filename):
    with open(filename, "rb") as config_file:
        # ok: VC413 -- a configuration file the program names (bandit's B102 becomes a notice)
        exec(compile(config_file.read(), filename, "exec"), namespace)

def gradio_calculate(expression: str) -> str:
    # expect: VC413
    return str(eval(expression))


def gradio_run(snippet, history):
    scope = {}
    # expect: VC413
    exec(snippet, scope)
    return scope.get("result"), history


def gradio_parse(text: str) -> str:
    # ok: VC413
    return str(ast.literal_eval(text))


def gradio_operation(name: str, x: float) -> str:
    # ok: VC413 -- the input only picks one of the app's own expressions
    return str(eval(OPERATIONS[name], {"x": x}))


def gradio_unbound(expression: str) -> str:
    # ok: VC413 -- bound to no input of the app
    return str(eval(expression))


calculator = gr.Interface(fn=gradio_calculate, inputs="text", outputs="text")
with gr.Blocks() as demo:
    source = gr.Code(language="python")
    power = gr.Slider(1, 10)
    gr.Button("Run").click(gradio_run, inputs=[source, gr.State([])], outputs=[gr.Textbox(), gr.State()])
    gr.Button("Parse").click(fn=gradio_parse, inputs=source, outputs=gr.Textbox())
    power.change(gradio_operation, [gr.Dropdown(list(OPERATIONS)), power], gr.Textbox())


def streamlit_calculator():
    expression = st.chat_input("Expression")
    # expect: VC413
    st.write(eval(expression))


def streamlit_parse():
    # ok: VC413
    st.write(ast.literal_eval(st.text_input("List")))


@app.post("/run-script")
def run_named_script():
    # expect: VC413
    exec(open(request.args["script"]).read())


@app.post("/run-plugin")
def run_named_plugin():
    plugin = request.form["plugin"]
    with open(f"plugins/{plugin}.py") as handle:
        # expect: VC413
        exec(compile(handle.read(), plugin, "exec"), {})


@app.post("/run-hook")
def run_hook():
    source = Path(request.json["hook"]).read_text()
    # expect: VC413
    exec(source, {})


@app.post("/run-report")
def run_fixed_report():
    name = request.args["report"]
    # ok: VC413 -- the program's own script; the client only names the report it prints
    exec(open("reports/render.py").read(), {"report": name})


tool = typer.Typer()


@tool.command()
def sync(where: str = typer.Option(None), limit: int = 10):
    rows = [{"amount": n} for n in range(limit)]
    # expect: VC413
    return [row for row in rows if eval(where, {}, {"row": row})]


@click.command()
@click.option("--expr")
def calc_cli(expr):
    # expect: VC413
    click.echo(exec(expr))


@click.command()
@click.option("--app", "app_name")
@click.option("--config")
def serve(app_name, config):
    # ok: VC413 -- a tool imports the module its user names (`flask --app`): the feature
    module = importlib.import_module(app_name)
    # ok: VC413
    runpy.run_path(config)
    return module


@tool.command()
def parse_literal(value: str):
    # ok: VC413
    return ast.literal_eval(value)


def script_main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--filter")
    parser.add_argument("--count", type=int)
    args = parser.parse_args()
    # expect: VC413
    keep = eval(args.filter)
    # ok: VC413
    return keep, eval(str(int(args.count)))


def cmd_verify(args: argparse.Namespace) -> int:
    # expect: VC413 -- the options `parser.parse_args()` returned, handed on by `args.func(args)`
    return 0 if eval(args.check) else 1


def cmd_count(args: argparse.Namespace) -> int:
    # ok: VC413 -- a number of the user's
    return eval(str(int(args.count)))


def cmd_replay(settings: dict) -> int:
    # ok: VC413 -- not the parsed options: a plain mapping the program built
    return eval(settings["check"])


@mcp.tool()
def set_clipboard(text: str) -> int:
    script = f'set the clipboard to "{text}" as text'
    # expect: VC413 -- a quote in `text` ends the string; `do shell script` follows
    return applescript.run(script).code


@app.post("/notify")
def notify_desktop():
    title = request.form["title"]
    # expect: VC413
    apple.AppleScript('display notification "' + title + '"').run()
    # expect: VC413
    osascript.run(f'tell application "Finder" to open POSIX file "{title}"')
    return "ok"


@mcp.tool()
def read_clipboard() -> str:
    # ok: VC413 -- the script is fixed
    return applescript.run("return the clipboard as text").out


@mcp.tool()
def open_finder(path: str) -> str:
    # ok: VC413 -- the value goes in as an argument of a fixed script, not into its source
    return apple.AppleScript("on run {p}\n tell application \"Finder\" to open POSIX file p\nend run").run(path)


_run_code = exec


@app.post("/alias-calc")
def calc_through_an_alias():
    evaluate = eval
    # expect: VC413 -- `evaluate` is the builtin `eval`
    return str(evaluate(request.form["expr"]))


@app.post("/alias-script")
def script_through_the_module_alias():
    # expect: VC413 -- the module's `_run_code` is `exec`
    _run_code(request.get_data(as_text=True))
    return "done"


@app.post("/alias-literal")
def literal_through_an_alias():
    evaluate = ast.literal_eval
    # ok: VC413 -- `evaluate` is `ast.literal_eval`, which runs no code
    return str(evaluate(request.form["expr"]))


@app.post("/alias-plugin")
def plugin_through_an_alias():
    load = importlib.import_module
    load = PLUGINS.get  # rebound: no longer an importer
    # ok: VC413 -- the last binding looks the name up in a fixed table
    return str(load(request.form["name"]))


@app.post("/evaluate-by-mode")
def evaluate_by_mode():
    mode, text = request.args.get("mode", "expr"), request.form["text"]
    # expect: VC413 -- one of the table's entries is `eval`
    first = EVALUATORS[mode](text)
    # ok: VC413 -- the literal key names `ast.literal_eval`
    second = EVALUATORS["literal"](text)
    run, parse = exec, json.loads
    # expect: VC413 -- `run` is `exec`, unpacked with `parse`
    run(text)
    # ok: VC413 -- `parse` is `json.loads`
    return {"first": first, "second": second, "third": parse(text)}


@app.post("/getattr-builtins")
def getattr_builtins():
    import builtins
    # expect: VC413 -- `getattr(builtins, "eval")` is `eval`
    return {"value": getattr(builtins, "eval")(request.form["expr"])}
