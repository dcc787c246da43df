"""VC421 corpus: client input in a shell command line or naming the program, and the safe look-alikes."""
import asyncio
import functools
import ipaddress
import os
import re
import shlex
import subprocess
import subprocess as sp
import sys
from subprocess import Popen, check_output

import paramiko
from mcp.server import Server
from mcp.server.fastmcp import Context, FastMCP as McpServer
from pydantic_ai import Agent as PydanticAgent
from django.http import HttpResponse
from fastapi import FastAPI
from flask import Flask, request
from slack_bolt import App as SlackApp
from tornado.web import RequestHandler

app = Flask(__name__)
api = FastAPI()
bolt = SlackApp()
mcp = McpServer("devtools")
lowlevel = Server("shell")
assistant = PydanticAgent("openai:gpt-4o")
TOOLS = {"ping": "/bin/ping", "trace": "/usr/bin/traceroute"}
BASE_COMMAND = ["git", "log", "--oneline"]
_system = os.system  # an alias of the module: its calls in any function are `os.system`
_quote = shlex.quote
_arg = request.args.get  # a getter of the request's query: `_arg("host")` is `request.args.get("host")`
_value = request.values.get  # also a parameter's name below: not always the getter
_shell, _quoted = os.system, shlex.quote  # unpacked pairwise: aliases like `_system`
RUNNERS = {"sh": os.system, "popen": os.popen}  # a table of callables: `RUNNERS[kind](cmd)` calls one of them
FORMATTERS = {"quote": shlex.quote, "upper": str.upper}


@app.get("/ping")
def ping():
    host = request.args["host"]
    # expect: VC421
    return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True).stdout


@app.get("/lookup")
def lookup():
    domain = request.args.get("domain", "")
    command = "nslookup " + domain
    # expect: VC421
    return os.popen(command).read()


@app.post("/convert")
def convert():
    data = request.get_json()
    name = data["file"]
    # expect: VC421
    os.system("convert %s out.png" % name)
    return "ok"


@api.get("/whois")
async def whois(domain: str):
    # expect: VC421
    process = await asyncio.create_subprocess_shell(f"whois {domain}")
    return {"pid": process.pid}


@app.get("/tool")
def run_tool():
    program = request.args["tool"]
    # expect: VC421
    return check_output([program, "--version"], text=True)


@app.post("/exec")
def exec_line():
    line = request.form["cmd"]
    # expect: VC421
    return sp.check_output(shlex.split(line), text=True)


@app.post("/bash")
def bash_script():
    script = request.json["script"]
    args = ["bash", "-c", script]
    # expect: VC421
    return subprocess.run(args, capture_output=True, text=True).stdout


@app.post("/argv")
def client_argv():
    argv = request.json["argv"]
    # expect: VC421
    Popen(argv)
    return "started"


@app.post("/remote")
def remote_listing():
    client = paramiko.SSHClient()
    client.connect("backup.internal")
    # expect: VC421
    _, stdout, _ = client.exec_command(f"ls {request.form['folder']}")
    return stdout.read()


@app.get("/denylist")
def denylist_is_no_check():
    host = request.args["host"]
    if ";" in host or "&" in host:
        return "bad host", 400
    # expect: VC421
    return subprocess.check_output(f"ping -c 1 {host}", shell=True)


def view(request, repo):
    # expect: VC421
    output = subprocess.getoutput(f"git -C /srv/repos/{repo} log -1")
    return HttpResponse(output)


def lambda_handler(event, context):
    # expect: VC421
    subprocess.call(event["command"], shell=True)
    return {"ok": True}


@app.get("/ping-argv")
def ping_as_argument():
    host = request.args["host"]
    # ok: VC421
    return subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True).stdout


@app.get("/ping-argv-name")
def ping_argument_list():
    host = request.args["host"]
    args = ["ping", "-c", "1", host]
    # ok: VC421
    return subprocess.run(args, capture_output=True).stdout


@app.get("/log")
def git_log():
    # ok: VC421
    return subprocess.check_output(BASE_COMMAND + [request.args["path"]], text=True)


@app.get("/quoted")
def quoted():
    host = shlex.quote(request.args["host"])
    # ok: VC421
    return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True).stdout


@app.get("/allowed")
def allowed_tool():
    name = request.args["tool"]
    if name not in TOOLS:
        return "unknown tool", 400
    # ok: VC421
    return subprocess.run([name, "--version"], capture_output=True).stdout


@app.get("/table")
def tool_from_table():
    # ok: VC421
    return subprocess.run([TOOLS[request.args["tool"]], "--version"], capture_output=True).stdout


@app.get("/ip")
def validated_ip():
    host = str(ipaddress.ip_address(request.args["host"]))
    # ok: VC421
    return subprocess.run(["ping", "-c", "1", host], capture_output=True).stdout


@app.get("/pattern")
def pattern_checked():
    host = request.args["host"]
    if not re.fullmatch(r"[a-z0-9.-]+", host):
        return "bad host", 400
    # ok: VC421
    return subprocess.check_output(f"ping -c 1 {host}", shell=True)


@app.get("/count")
def numeric():
    count = int(request.args["count"])
    # ok: VC421
    os.system(f"ping -c {count} localhost")
    return "ok"


@app.get("/status")
def constant_command():
    # ok: VC421
    return subprocess.run("uptime", shell=True, capture_output=True).stdout


def rotate_logs(folder):
    # ok: VC421
    os.system(f"logrotate {folder}")


@bolt.event("app_mention")
def slack_mention(event, say):
    # expect: VC421
    output = subprocess.run(f"fortune {event['text']}", shell=True, capture_output=True, text=True)
    say(output.stdout)


@bolt.command("/deploy")
def slack_command(ack, command, respond):
    ack()
    # expect: VC421
    subprocess.run("deploy.sh " + command["text"], shell=True, check=True)


@bolt.command("/deploy-safe")
def slack_command_argv(ack, command, respond):
    ack()
    # ok: VC421
    subprocess.run(["deploy.sh", command["text"]], check=True)


class TornadoPing(RequestHandler):
    def get(self):
        host = self.get_argument("host")
        # expect: VC421
        self.write(subprocess.run("ping -c 1 " + host, shell=True, capture_output=True, text=True).stdout)


class TornadoPingList(RequestHandler):
    def get(self):
        host = self.get_argument("host")
        # ok: VC421
        self.write(subprocess.run(["ping", "-c", "1", "--", host], capture_output=True, text=True).stdout)


@mcp.tool()
def mcp_run(command: str) -> str:
    # expect: VC421
    return subprocess.check_output(command, shell=True, text=True)


@mcp.tool
async def mcp_grep(pattern: str, ctx: Context, directory: str = ".") -> str:
    line = f"grep -rn '{pattern}' {directory}"
    # expect: VC421
    proc = await asyncio.create_subprocess_shell(line, stdout=asyncio.subprocess.PIPE)
    return (await proc.communicate())[0].decode()


@lowlevel.call_tool()
async def lowlevel_call(name: str, arguments: dict) -> list:
    # expect: VC421
    return [os.popen(arguments["cmd"]).read()]


@mcp.tool()
def mcp_tail(lines: int, ctx: Context) -> str:
    # ok: VC421 -- a number and the server's own context
    return subprocess.check_output(f"tail -n {lines} app.log {ctx.request_id}", shell=True, text=True)


@mcp.tool()
def mcp_grep_quoted(pattern: str) -> str:
    # ok: VC421
    return subprocess.run(f"git grep -n -- {shlex.quote(pattern)}", shell=True, capture_output=True, text=True).stdout


@mcp.tool()
def mcp_log(path: str) -> str:
    # ok: VC421
    return subprocess.run(["git", "log", "--oneline", "--", path], capture_output=True, text=True).stdout


def mcp_helper(command):
    # ok: VC421 -- not a tool: its caller decides what it runs
    return subprocess.check_output(command, shell=True, text=True)


@assistant.tool_plain
def agent_shell(command: str) -> str:
    # ok: VC421 -- the model's argument, not an MCP client's: VC401 reports it
    return subprocess.check_output(command, shell=True, text=True)


@app.post("/list")
def list_folder():
    command = request.json["command"]
    if not command.startswith("ls "):
        return {"error": "only ls"}, 400
    # expect: VC421 -- `ls ; rm -rf /` starts with `ls ` too
    return subprocess.run(command, shell=True, capture_output=True, check=False).stdout


ALLOWED_TOOLS = {"uptime", "df"}


@app.post("/run-tool")
def run_tool():
    data = request.get_json()
    if data["kind"] == "shell":
        # expect: VC421 -- testing one field leaves the others the client's
        subprocess.run(data["cmd"], shell=True, check=True)
    if data["tool"] in ALLOWED_TOOLS:
        # ok: VC421 -- the field itself is allow-listed
        subprocess.run(data["tool"], shell=True, check=True)
    return "ok"


@app.post("/formula")
def run_formula():
    formula = request.form["formula"]
    # expect: VC421 -- `-c` makes the next element Python source
    return subprocess.run(["python3", "-c", f"print({formula})"], capture_output=True, text=True).stdout


@app.post("/snippet")
def run_snippet():
    snippet = request.json["code"]
    argv = [sys.executable, "-u", "-c"]
    argv.append(snippet)
    # expect: VC421 -- the running interpreter, options before the flag, the code appended later
    return sp.check_output(argv, text=True)


@api.post("/render")
async def render_js(source: str):
    # expect: VC421
    process = await asyncio.create_subprocess_exec("/usr/local/bin/node", "--eval", source)
    return {"pid": process.pid}


@api.post("/archive")
async def archive_folder(folder: str):
    # expect: VC421 -- a shell started with its script as a separate argument
    process = await asyncio.create_subprocess_exec("sh", "-c", f"tar czf /tmp/out.tgz {folder}")
    # ok: VC421 -- the folder is one word of tar's, after `--`
    await asyncio.create_subprocess_exec("tar", "czf", "/tmp/out.tgz", "--", folder)
    # ok: VC421 -- a fixed script, the folder passed as the shell's positional parameter
    await asyncio.create_subprocess_exec("sh", "-c", 'tar czf /tmp/out.tgz -- "$1"', "sh", folder)
    return {"pid": process.pid}


@mcp.tool()
def notify(message: str) -> str:
    # expect: VC421 -- AppleScript's `do shell script` reaches the shell as well
    subprocess.run(["osascript", "-e", f'display notification "{message}"'], check=True)
    return "sent"


@app.post("/perl")
def perl_filter():
    # expect: VC421
    return check_output(("perl", "-n", "-e", request.form["expr"], "input.txt"), text=True)


@app.post("/argv")
def python_argv():
    value = request.form["value"]
    # ok: VC421 -- fixed code; the client's value is its `sys.argv[1]`, data
    subprocess.run(["python3", "-c", "import sys; print(sys.argv[1])", value], check=True)
    # ok: VC421 -- `-c` after the script's path is the script's own option
    subprocess.run(["python3", "tools/report.py", "-c", value], check=True)
    # ok: VC421 -- grep's `-e` takes a pattern, not code
    subprocess.run(["grep", "-e", value, "app.log"], check=True)
    # ok: VC421 -- a number cannot carry code
    subprocess.run(["node", "-e", str(int(value))], check=True)
    return "ok"


@mcp.tool()
def say_done() -> str:
    # ok: VC421 -- the script is fixed
    subprocess.run(["osascript", "-e", 'display notification "done"'], check=True)
    return "sent"


@app.get("/grep-words")
def grep_split_then_joined():
    tokens = shlex.split(f"grep -n {request.args['q']} app.log")
    # expect: VC421 -- split and joined again, the client's `;` and `$(...)` reach the shell unquoted
    return subprocess.run(" ".join(tokens), shell=True, capture_output=True, text=True, check=False).stdout


@app.get("/grep-argv")
def grep_split_into_a_name():
    argv = shlex.split(request.args["cmd"])
    # expect: VC421 -- the client's words, the program first
    return subprocess.run(argv, capture_output=True, text=True, check=False).stdout


@app.get("/grep-quoted-words")
def grep_quoted_then_split():
    argv = shlex.split(f"grep -n -- {shlex.quote(request.args['q'])} app.log")
    # ok: VC421 -- quoted before the split: one word, after `--`
    return subprocess.run(argv, capture_output=True, text=True, check=False).stdout


@app.get("/alias-ping")
def ping_through_a_local_alias():
    launch = subprocess.run
    # expect: VC421 -- `launch` is `subprocess.run`, bound once
    launch(f"ping -c 1 {request.args['host']}", shell=True, check=False)
    return "sent"


@app.get("/alias-du")
def du_through_the_module_alias():
    # expect: VC421 -- the module's `_system` is `os.system`
    _system("du -sh " + request.args["dir"])
    return "ok"


@app.get("/alias-partial")
def grep_through_a_partial():
    shell = functools.partial(subprocess.check_output, shell=True, text=True)
    # expect: VC421 -- the partial is `check_output` (its `shell=True` fixed)
    return shell(f"grep -rn {request.args['q']} /srv/logs")


@app.get("/alias-shell-partial")
def ping_through_a_shell_partial():
    sh = functools.partial(subprocess.run, shell=True, check=False)
    # expect: VC421 -- the partial fixes `shell=True`: the client's text is part of a shell command line
    sh(f"ping -c 1 {request.args['host']}")
    return "sent"


@app.get("/alias-shell-partial-off")
def ping_through_a_partial_with_the_shell_turned_off():
    sh = functools.partial(subprocess.run, shell=True, check=False)
    # ok: VC421 -- the call's own `shell=False` wins over the partial's, and the program is fixed
    sh(["ping", "-c", "1", request.args["host"]], shell=False)
    return "sent"


@app.get("/alias-quoted")
def ping_quoted_through_an_alias():
    launch = subprocess.run
    # ok: VC421 -- `_quote` is `shlex.quote`: one word
    launch("ping -c 1 " + _quote(request.args["host"]), shell=True, check=False)
    return "sent"


def _dry_run(*args, **kwargs):
    return args


@app.get("/alias-rebound")
def rebound_before_the_call():
    launch = subprocess.run
    launch = _dry_run  # rebound: `launch` is not always `subprocess.run`
    # ok: VC421 -- the last binding is the project's dry run
    return str(launch(request.args["cmd"], shell=True))


@app.get("/alias-parameter")
def runner_given_as_a_parameter(launch=_dry_run):
    # ok: VC421 -- a parameter is whatever the caller passes, no alias
    return str(launch(request.args["cmd"], shell=True))


@app.get("/alias-result")
def name_bound_to_a_calls_result():
    launch = functools.partial(subprocess.run, ["git", "status"])  # positional arguments fixed: not `subprocess.run`
    # ok: VC421 -- the client's text would be `bufsize`, never a command
    return str(launch(request.args["n"]))


def create_tools_app():
    tools = Flask("tools")
    launch = subprocess.run

    @tools.get("/trace")
    def trace():
        # expect: VC421 -- the factory's `launch` is `subprocess.run`
        return launch(f"traceroute {request.args['host']}", shell=True, capture_output=True, check=False).stdout

    return tools


@app.get("/getter-alias-ping")
def ping_through_the_modules_getter():
    host = _arg("host")
    # expect: VC421 -- `_arg` is `request.args.get`: the client's query
    return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True).stdout


@app.post("/getter-local")
def grep_through_a_local_getter():
    field = request.form.get
    # expect: VC421 -- `field` is `request.form.get`, bound once
    return subprocess.check_output("grep -rn " + field("q", "") + " /srv/logs", shell=True, text=True)


@app.post("/getter-json")
def run_through_a_body_reader():
    body = request.get_json
    # expect: VC421 -- `body()` is `request.get_json()`
    os.system("tar czf /tmp/out.tgz " + body()["folder"])
    return "ok"


def django_getter_view(request):
    param = request.GET.get
    # expect: VC421 -- Django's query, read through `param`
    subprocess.run(f"nslookup {param('host')}", shell=True, check=False)
    return HttpResponse("ok")


@app.get("/getter-rebound")
def getter_rebound_before_the_call():
    field = request.args.get
    field = TOOLS.get  # rebound: `field` is not always the request's getter
    # ok: VC421 -- the last binding reads the fixed table
    return subprocess.run(f"{field('ping', '/bin/true')} -c 1 localhost", shell=True, check=False).returncode


@app.get("/getter-parameter")
def getter_given_as_a_parameter(_value=TOOLS.get):
    # ok: VC421 -- `_value` here is the parameter (the fixed table's getter by default), not the module's
    return subprocess.run(f"{_value('trace', '/bin/true')} localhost", shell=True, check=False).returncode


@app.get("/getter-of-a-table")
def getter_of_a_fixed_table():
    tool = TOOLS.get
    # ok: VC421 -- a getter of the module's table, not of the request
    return subprocess.run(f"{tool('ping', '/bin/true')} -c 1 localhost", shell=True, check=False).returncode


@app.get("/unpacked-alias")
def unpacked_alias():
    # expect: VC421 -- `_shell` is `os.system`, bound with `_quoted` in one tuple
    _shell("ping -c 1 " + request.args["host"])
    # ok: VC421 -- quoted through the other name of the same tuple
    _shell("ping -c 1 " + _quoted(request.args["host"]))
    return "ok"


@app.get("/table-of-runners")
def table_of_runners():
    kind, target = request.args.get("kind", "sh"), request.args["target"]
    # expect: VC421 -- any entry of the table runs the command line
    RUNNERS[kind]("du -sh " + target)
    # expect: VC421 -- the literal key names `os.popen`
    RUNNERS["popen"](f"ls {target}")
    # ok: VC421 -- a table of formatters: no entry runs anything
    return FORMATTERS[kind]("du -sh " + target)


@app.get("/getattr-runner")
def getattr_runner():
    # expect: VC421 -- `getattr(os, "system")` is `os.system`
    getattr(os, "system")("nslookup " + request.args["host"])
    # ok: VC421 -- a fixed command line
    getattr(os, "system")("uptime")
    return "ok"
