"""VC412 corpus, Bottle: `template()` and its engine adapters take a template's source, or its name."""
import bottle
from bottle import Bottle, SimpleTemplate, jinja2_template, request, template

app = Bottle()
RESULTS = "<h1>Results for {{query}}</h1>"


@app.get("/search")
def search_heading_concatenated():
    heading = request.query.get("q", "")
    # expect: VC412
    return template("<h1>Results for " + heading + "</h1>")


@app.get("/greet")
def greet_module_attribute():
    # expect: VC412
    return bottle.template(f"<p>Hello {request.query.name}</p>")


@app.post("/preview")
def preview_jinja_adapter():
    # expect: VC412
    return jinja2_template(request.forms.get("body"))


@app.post("/preview/simple")
def preview_simple_template():
    # expect: VC412
    return SimpleTemplate(request.json["source"]).render()


@app.get("/search/v2")
def search_heading_as_variable():
    # ok: VC412
    return template(RESULTS, query=request.query.get("q", ""))


@app.get("/page")
def named_view_with_client_values():
    # ok: VC412
    return template("results_page", query=request.query.q, page=int(request.query.page or 1))
