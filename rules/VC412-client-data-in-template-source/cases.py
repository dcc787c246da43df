"""VC412 corpus: client input compiled as template source, `locals()` as a template context, and safe look-alikes."""
import jinja2
from django.shortcuts import render
from django.template import Context, Template
from fastapi import FastAPI
from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment as Sandbox
from packageurl import PackageURL
from semantic_version import Version

app = Flask(__name__)
api = FastAPI()
env = Environment(autoescape=True)
sandbox = Sandbox(autoescape=True)
prompts = jinja2.Environment()
PAGE = "<h1>Hello {{ name }}</h1>"


@app.get("/hello")
def hello_fstring_template():
    name = request.args.get("name", "")
    # expect: VC412
    return render_template_string(f"<h1>Hello {name}</h1>")


@app.get("/page")
def whole_template_from_client():
    # expect: VC412
    return render_template_string(request.form["template"])


@app.get("/concat")
def concatenated_template():
    greeting = request.args["greeting"]
    source = "<p>" + greeting + ", {{ user }}</p>"
    # expect: VC412
    return render_template_string(source, user="guest")


@app.post("/jinja")
def jinja_template_class():
    body = request.get_json()
    # expect: VC412
    return jinja2.Template(body["template"]).render()


@app.post("/env")
def environment_from_string():
    text = request.form["text"]
    # expect: VC412
    return env.from_string("Dear " + text).render()


def django_template(request):
    title = request.GET["title"]
    # expect: VC412
    template = Template("<title>" + title + "</title>")
    return template.render(Context({}))


@api.get("/fastapi")
async def fastapi_template(message: str):
    # expect: VC412
    return Environment().from_string(message).render()


def django_locals(request):
    user = request.user
    api_key = "k"
    # expect: VC412
    return render(request, "profile.html", locals())


@app.get("/flask-locals")
def flask_locals():
    token = request.cookies.get("token")
    # expect: VC412
    return render_template("page.html", **locals())


@app.get("/safe")
def variable_not_source():
    # ok: VC412
    return render_template_string(PAGE, name=request.args.get("name", ""))


@app.get("/safe-inline")
def constant_template_inline():
    # ok: VC412
    return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args["name"])


@app.get("/file")
def template_file():
    # ok: VC412
    return render_template("hello.html", name=request.args.get("name"))


@app.post("/env-constant")
def environment_constant_source():
    # ok: VC412
    return env.from_string(PAGE).render(name=request.form["name"])


def django_named_context(request):
    # ok: VC412
    return render(request, "profile.html", {"user": request.user})


def django_constant_template(request):
    template = Template("<title>{{ title }}</title>")
    # ok: VC412
    return template.render(Context({"title": request.GET["title"]}))


@app.get("/choice")
def template_chosen_from_allow_list():
    kind = request.args["kind"]
    if kind not in {"short", "long"}:
        kind = "short"
    # ok: VC412
    return render_template_string(f"{{% include '{kind}.html' %}}")


def offline_report(title):
    # ok: VC412
    return jinja2.Template(f"<h1>{title}</h1>").render()


@app.post("/prompt/preview")
def prompt_preview_sandboxed():
    data = request.get_json()
    # ok: VC412 -- a sandboxed environment keeps the template away from Python internals
    return sandbox.from_string(data["template"]).render(**data.get("variables", {}))


@app.post("/prompt/preview-inline")
def prompt_preview_immutable_sandbox():
    # ok: VC412
    return ImmutableSandboxedEnvironment().from_string(request.form["template"]).render()


@app.post("/prompt/preview-plain")
def prompt_preview_plain_environment():
    data = request.get_json()
    # expect: VC412
    return prompts.from_string(data["template"]).render(**data.get("variables", {}))


@app.post("/prompt/preview-rebound")
def prompt_preview_shadowed_sandbox():
    sandbox = Environment()
    # expect: VC412 -- the name no longer holds the module's sandbox
    return sandbox.from_string(request.form["template"]).render()


@app.post("/prompt/preview-local-sandbox")
def prompt_preview_local_sandbox():
    engine = Sandbox()
    # ok: VC412
    return engine.from_string(request.form["template"]).render()


@app.post("/sbom/component")
def component_from_purl():
    data = request.get_json()
    # ok: VC412 -- the class's own factory parses the text into a package URL; no template is compiled
    purl = PackageURL.from_string(data["purl"])
    # ok: VC412
    wanted = Version.from_string(data.get("version", "0.0.0"))
    return {"name": purl.name, "major": wanted.major}


@app.route("/alias-preview")
def preview_through_an_alias():
    render_page = render_template_string
    # expect: VC412 -- `render_page` is `render_template_string`: the client writes the template
    return render_page(request.args["body"])


@app.route("/alias-file")
def page_through_an_alias():
    render_page = render_template
    # ok: VC412 -- a template file of the app, the client's text only a value
    return render_page("page.html", body=request.args["body"])
