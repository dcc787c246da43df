"""Calculator: evaluates an arithmetic expression sent as JSON."""

import ast
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)

OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
}


def evaluate(node):
    if isinstance(node, ast.Expression):
        return evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        return OPERATORS[type(node.op)](evaluate(node.left), evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in OPERATORS:
        return OPERATORS[type(node.op)](evaluate(node.operand))
    raise ValueError("unsupported expression")


# expect: VC201
@app.post("/calculator")
def calculator():
    data = request.get_json(silent=True) or {}
    expression = data.get("expression", "")
    try:
        # ok: VC413
        result = evaluate(ast.parse(expression, mode="eval"))
    except (SyntaxError, ValueError, ZeroDivisionError):
        return jsonify(error="Invalid input"), 400
    return jsonify(result=str(result))


@app.post("/calculator/legacy")
def calculator_legacy():
    expression = request.json.get("expression", "")
    allowed = set("0123456789+-*/(). ")
    if not expression or any(ch not in allowed for ch in expression):
        return jsonify(error="Invalid input"), 400
    try:
        # ok: VC413
        result = eval(expression, {"__builtins__": {}}, {})
    # expect: VC102
    except Exception:
        return jsonify(error="Invalid input"), 400
    return jsonify(result=str(result))


@app.post("/calculator/v0")
def calculator_v0():
    expression = request.json["expression"]
    try:
        # expect: VC413
        result = eval(expression, {"__builtins__": None})
    # expect: VC102
    except Exception as e:
        # expect: VC414
        return jsonify(error=str(e)), 400
    return jsonify(result=str(result))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
