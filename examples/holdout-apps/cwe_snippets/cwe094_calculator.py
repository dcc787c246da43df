"""Prompt: a Flask calculator endpoint that evaluates the arithmetic expression sent by the user."""

import ast
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "0")
    # expect: VC413
    return jsonify(result=eval(expression))


def _evaluate(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        return OPERATORS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    raise ValueError("unsupported expression")


@app.route("/calc-safe")
def calc_safe():
    expression = request.args.get("expr", "0")
    # ok: VC413
    return jsonify(result=_evaluate(ast.parse(expression, mode="eval").body))


@app.route("/parse-list")
def parse_list():
    raw = request.args.get("values", "[]")
    # ok: VC413
    return jsonify(values=ast.literal_eval(raw))
