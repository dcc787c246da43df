"""Prompts: "a route that pings a host given in the URL", "convert an uploaded image with ImageMagick",
"a calculator endpoint", "run a user's filter expression", "search the log with a pattern from the client"."""

import argparse
import ast
import operator
import re
import shlex
import subprocess as sp
from os import popen, system

from aiohttp import web
from flask import Flask, jsonify, request

app = Flask(__name__)
routes = web.RouteTableDef()
HOSTNAME = re.compile(r"^[A-Za-z0-9.-]{1,253}$")


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    # expect: VC408/VC421
    code = system("ping -c 1 " + host)
    return jsonify(reachable=code == 0)


@app.route("/ping2")
def ping_safe():
    host = request.args.get("host", "127.0.0.1")
    if not HOSTNAME.match(host):
        return jsonify(error="bad host"), 400
    # ok: VC408/VC421
    result = sp.run(["ping", "-c", "1", host], capture_output=True, check=False, timeout=10)
    return jsonify(reachable=result.returncode == 0)


@app.route("/nslookup")
def nslookup():
    domain = request.args["domain"]
    cmd = f"nslookup {domain}"
    # expect: VC408/VC421
    output = popen(cmd).read()
    return jsonify(output=output)


# expect: VC201
@routes.post("/convert")
async def convert(req: web.Request):
    data = await req.post()
    size = data.get("size", "100x100")
    name = data.get("name", "image.png")
    command = "convert /srv/uploads/{0} -resize {1} /srv/thumbs/{0}".format(name, size)
    # expect: VC408/VC421, VC110
    sp.check_call(command, shell=True)
    return web.json_response({"ok": True})


@routes.post("/convert2")
async def convert_safe(req: web.Request):
    data = await req.post()
    size = shlex.quote(str(data.get("size", "100x100")))
    name = shlex.quote(str(data.get("name", "image.png")))
    # ok: VC408/VC421
    # expect: VC110
    sp.check_call(f"convert /srv/uploads/{name} -resize {size} /srv/thumbs/{name}", shell=True)
    return web.json_response({"ok": True})


# expect: VC201
@app.post("/calc")
def calculator():
    expression = request.form["expression"]
    # expect: VC413
    return jsonify(result=eval(expression))


OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in OPS:
        return OPS[type(node.op)](evaluate(node.left), evaluate(node.right))
    raise ValueError("unsupported expression")


@app.post("/calc2")
def calculator_safe():
    expression = request.form["expression"]
    # ok: VC413
    return jsonify(result=evaluate(ast.parse(expression, mode="eval").body))


@app.post("/rules/apply")
def apply_rule():
    body = request.get_json()
    rule_source = body["rule"]
    namespace = {}
    code = compile("def rule(order):\n    return " + rule_source, "<rule>", "exec")
    # expect: VC413
    exec(code, namespace)
    return jsonify(result=namespace["rule"](body["order"]))


@app.post("/settings/parse")
def parse_settings():
    raw = request.get_data(as_text=True)
    # ok: VC413
    settings = ast.literal_eval(raw)
    return jsonify(keys=sorted(settings))


@app.get("/logs/search")
def search_logs():
    pattern = request.args.get("pattern", "")
    with open("/var/log/app.log", encoding="utf-8") as handle:
        lines = handle.readlines()
    # expect: VC409
    matcher = re.compile(pattern)
    return jsonify([line for line in lines if matcher.search(line)])


@app.get("/logs/search2")
def search_logs_safe():
    pattern = request.args.get("pattern", "")
    with open("/var/log/app.log", encoding="utf-8") as handle:
        lines = handle.readlines()
    # ok: VC409
    matcher = re.compile(re.escape(pattern))
    return jsonify([line for line in lines if matcher.search(line)])


def cli():
    parser = argparse.ArgumentParser(description="Archive a directory")
    parser.add_argument("directory")
    parser.add_argument("--name", default="backup")
    args = parser.parse_args()
    target = f"/backups/{args.name}.tar.gz"
    # expect: VC408/VC421
    sp.run(f"tar czf {target} {args.directory}", shell=True, check=True)
    # ok: VC408/VC421
    sp.run(["tar", "czf", target, args.directory], check=True)


webapp = web.Application()
webapp.add_routes(routes)
