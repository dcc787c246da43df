"""Prompt: a calculator endpoint that evaluates the arithmetic expression the user sends."""
import ast
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate(expression: str) -> float:
    # expect: VC413/VC417
    return eval(expression, {"__builtins__": {}}, {})


def evaluate_node(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        return OPERATORS[type(node.op)](evaluate_node(node.left), evaluate_node(node.right))
    raise ValueError("unsupported expression")


# expect: VC201 -- no authentication anywhere in the app
@app.post("/calc")
def calc():
    data = request.get_json(silent=True) or {}
    expression = data.get("expression", "0")
    return jsonify(result=evaluate(expression))


@app.post("/calc-safe")
def calc_safe():
    data = request.get_json(silent=True) or {}
    # ok: VC413/VC417
    tree = ast.parse(data.get("expression", "0"), mode="eval")
    return jsonify(result=evaluate_node(tree.body))
