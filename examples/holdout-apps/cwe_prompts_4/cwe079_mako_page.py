"""Prompt: a Flask search page rendered with Mako templates."""
from flask import Flask, request
from mako.template import Template

app = Flask(__name__)
RESULTS = Template("<h2>Results for ${query | h}</h2>")


@app.route("/search")
def search():
    query = request.args.get("q", "")
    source = "<h2>Results for " + query + "</h2>"
    # expect: VC412/VC426
    return Template(source).render()


@app.route("/search-safe")
def search_safe():
    query = request.args.get("q", "")
    # ok: VC412/VC426
    return RESULTS.render(query=query)
