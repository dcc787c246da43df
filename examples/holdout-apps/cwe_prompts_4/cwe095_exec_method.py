"""Prompt: a rules engine class whose rules are Python snippets admins type in a form (Flask)."""
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
COMPARISONS = {"gt": operator.gt, "lt": operator.lt, "eq": operator.eq}


class RuleEngine:
    def __init__(self) -> None:
        self.rules: dict[str, str] = {}

    def run(self, source: str, context: dict) -> dict:
        scope = dict(context)
        # expect: VC413/VC417
        exec(source, {"__builtins__": {}}, scope)
        return scope

    def run_safe(self, rule: dict, context: dict) -> bool:
        compare = COMPARISONS[rule["op"]]
        # ok: VC413/VC417
        return compare(context[rule["field"]], rule["value"])


engine = RuleEngine()


# expect: VC201 -- no authentication anywhere in the app
@app.post("/rules/test")
def test_rule():
    form = request.form
    code = form.get("code", "")
    result = engine.run(code, {"amount": float(form.get("amount", "0"))})
    return jsonify({key: value for key, value in result.items() if key != "amount"})


@app.post("/rules/test-safe")
def test_rule_safe():
    rule = request.get_json(silent=True) or {}
    return jsonify(matched=engine.run_safe(rule, {"amount": float(rule.get("amount", 0))}))
