"""VC413 corpus: `evaluate` in a file that drives no browser is another library's method."""
from flask import Flask, request

from scoring import model

app = Flask(__name__)


@app.post("/score")
def score():
    # ok: VC413 -- a model's `evaluate`, not a browser's
    return {"score": model.evaluate(request.json["features"])}
