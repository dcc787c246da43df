"""VC411 corpus: client input written into HTML responses or marked safe, and the escaped look-alikes."""
import html

from django.http import HttpResponse
from django.utils.html import escape as django_escape
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from flask import Flask, Response, jsonify, make_response, render_template, request
from markupsafe import Markup, escape
from starlette.requests import Request as StarletteRequest
from starlette.responses import HTMLResponse as StarletteHTML

app = Flask(__name__)
api = FastAPI()


@app.get("/hello")
def hello_fstring():
    name = request.args.get("name", "")
    # expect: VC411
    return f"<h1>Hello {name}</h1>"


@app.get("/greet")
def greet_concatenated():
    # expect: VC411
    return "<p>Welcome back, " + request.args["user"] + "</p>", 200


@app.get("/search")
def search_make_response():
    term = request.args.get("q", "")
    page = "<div>No results for {}</div>".format(term)
    # expect: VC411
    return make_response(page)


@app.get("/raw")
def flask_response_object():
    comment = request.form["comment"]
    # expect: VC411
    return Response("<li>" + comment + "</li>")


def django_view(request):
    title = request.GET.get("title", "")
    # expect: VC411
    return HttpResponse(f"<title>{title}</title>")


def django_page_by_capture(request, heading):
    # expect: VC411 -- a view's parameters after `request` are URL captures
    return HttpResponse(mark_safe(heading))


def django_page_view(request, url):
    page = Page.objects.get(url=url)
    return render_page(request, page)


def render_page(request, page):
    # ok: VC411 -- a helper the module's own view calls with a database object, not a URL capture
    return HttpResponse(mark_safe(page.body))


@api.get("/banner")
async def fastapi_html(req: Request):
    text = req.query_params["text"]
    # expect: VC411
    return HTMLResponse(content=f"<marquee>{text}</marquee>")


@app.get("/bio")
def markup_of_client_text():
    bio = request.args["bio"]
    # expect: VC411
    return render_template("bio.html", bio=Markup(bio))


def django_mark_safe(request):
    signature = request.POST["signature"]
    # expect: VC411
    return HttpResponse(mark_safe(signature))


@app.get("/lines")
def html_built_in_a_loop():
    items = request.args.getlist("item")
    rows = ""
    for item in items:
        rows += f"<li>{item}</li>"
    # expect: VC411
    return rows


@app.get("/escaped")
def escaped_name():
    name = html.escape(request.args.get("name", ""))
    # ok: VC411
    return f"<h1>Hello {name}</h1>"


@app.get("/escaped-markup")
def markup_escape():
    # ok: VC411
    return Markup("<b>{}</b>").format(escape(request.args["name"]))


@app.get("/template")
def rendered_template():
    # ok: VC411
    return render_template("hello.html", name=request.args.get("name"))


@app.get("/json")
def json_body():
    # ok: VC411
    return jsonify(name=request.args.get("name"))


@app.get("/dict")
def dict_body():
    # ok: VC411
    return {"echo": request.args.get("q")}


@app.get("/plain")
def plain_text_response():
    # ok: VC411
    return Response(request.args["q"], mimetype="text/plain")


def django_json(request):
    # ok: VC411
    return HttpResponse(request.GET["q"], content_type="application/json")


@app.get("/count")
def number_only():
    count = int(request.args["count"])
    # ok: VC411
    return f"<p>{count} items</p>"


@app.get("/static")
def constant_markup():
    # ok: VC411
    return make_response("<h1>Welcome</h1>")


@api.get("/api/echo")
async def fastapi_returns_json(q: str):
    # ok: VC411
    return f"echo {q}"


async def starlette_endpoint(request: StarletteRequest):
    name = request.query_params.get("name", "")
    # expect: VC411
    return StarletteHTML(f"<h1>Hello {name}</h1>")


async def starlette_untyped(request):
    # expect: VC411
    return StarletteHTML("<p>" + request.path_params["slug"] + "</p>")


async def starlette_escaped(request: StarletteRequest):
    # ok: VC411
    return StarletteHTML(f"<h1>Hello {html.escape(request.query_params.get('name', ''))}</h1>")


pages = FastAPI(default_response_class=HTMLResponse)


@api.get("/words", response_class=HTMLResponse)
def words_page(q: str):
    listing = "<ul>"
    for word in q.split():
        listing += f"<li>{word}</li>"
    # expect: VC411
    return listing + "</ul>"


@api.get("/echo", response_class=HTMLResponse)
def echo_page(q: str):
    # expect: VC411
    return q


@pages.get("/title")
def title_page(title: str):
    # expect: VC411
    return "<title>" + title + "</title>"


@api.get("/escaped", response_class=HTMLResponse)
def escaped_page(q: str):
    # ok: VC411
    return f"<p>{html.escape(q)}</p>"


@api.post("/{model}/create", response_class=HTMLResponse)
def created_page(model: str):
    # ok: VC411 -- a redirect the framework sends as it is: the value is in its URL, not in markup
    return RedirectResponse(f"/admin/{model.lower()}/list", status_code=303)


@pages.get("/{name}/json")
def name_json(name: str):
    # ok: VC411 -- a JSON response object returned from a route of an HTML app
    return JSONResponse({"name": name})


@api.get("/words.json")
def words_json(q: str):
    # ok: VC411
    return "<ul>" + q + "</ul>"


def django_format_html_then_marked(request):
    snippet = format_html("<a href='?next={}'>Log in</a>", request.GET["next"])
    # ok: VC411 -- format_html() escaped the client's value
    return HttpResponse(mark_safe(snippet))


def django_escaped_into_literal(request):
    url = request.GET["url"]
    # ok: VC411 -- every client value went through escape()
    return HttpResponse(mark_safe('<a href="{v}">{v}</a>'.format(v=django_escape(url))))


def django_marked_fstring(request):
    name = request.GET["name"]
    # expect: VC411 -- an f-string pasting the raw value
    return HttpResponse(mark_safe(f"<b>{name}</b>"))


def django_marked_on_one_branch_only(request):
    note = request.GET["note"]
    if request.GET.get("escape"):
        note = django_escape(note)
    # expect: VC411 -- escaped on one branch only
    return HttpResponse(mark_safe("<p>%s</p>" % note))


def django_escaped_under_a_view_flag(request, autoescape=True):
    note = request.GET["note"]
    if autoescape:
        note = django_escape(note)
    # expect: VC411 -- a view's own `autoescape` parameter is not a template's autoescaping
    return HttpResponse(mark_safe("<p>%s</p>" % note))


def django_escaped_then_rebound_raw(request):
    note = django_escape(request.GET["note"])
    note = request.GET["note"]
    # expect: VC411 -- the escaped value was replaced by the raw one
    return HttpResponse(mark_safe("<p>%s</p>" % note))


def django_escaped_on_every_path(request):
    note = request.GET["note"]
    if request.GET.get("short"):
        note = django_escape(note[:20])
    else:
        note = django_escape(note)
    # ok: VC411 -- both arms escape the value
    return HttpResponse(mark_safe("<p>%s</p>" % note))


def django_client_template(request):
    # expect: VC411 -- format_html() trusts its template
    return HttpResponse(format_html(request.GET["template"], request.user))


def django_items_escaped_in_fstring(request):
    # ok: VC411 -- every item is escaped before it is pasted
    return mark_safe("".join(f"<li>{django_escape(x)}</li>" for x in request.GET.getlist("t")))


def django_items_escaped_with_percent(request):
    # ok: VC411
    return mark_safe("<ul>" + "".join("<li>%s</li>" % html.escape(t) for t in request.GET.getlist("t")) + "</ul>")


@app.get("/tags")
def markup_items_formatted():
    # ok: VC411 -- `Markup.format` escapes what it pastes
    return Markup("".join(Markup("<li>{}</li>").format(t) for t in request.args.getlist("t")))


def django_items_pasted_raw(request):
    # expect: VC411
    return mark_safe("".join(f"<li>{x}</li>" for x in request.GET.getlist("t")))


def django_item_value_left_raw(request):
    # expect: VC411 -- the key is escaped, the value is not
    return mark_safe("".join(f"<li>{django_escape(k)}={v}</li>" for k, v in request.GET.items()))


def django_item_escaped_once_of_two(request):
    # expect: VC411
    return mark_safe("".join(f"<li>{len(x)}: {x}</li>" for x in request.GET.getlist("t")))


@app.get("/flag")
def flag_shown():
    wanted = request.args.get("mode", "")
    # ok: VC411 -- the text of a comparison is only True or False
    return "<p>Compact: " + str(wanted == "compact") + ", full: " + repr(not wanted) + "</p>"


@app.get("/mode")
def mode_shown():
    # expect: VC411 -- the text of the value itself
    return "<p>Mode: " + str(request.args.get("mode")) + "</p>"


from nicegui import ui
from pyramid.response import Response as PyramidResponse
from pyramid.view import view_config


@view_config(route_name="greet")
def greet(request):
    # expect: VC411
    return PyramidResponse(f"<h1>Hello {request.params['name']}</h1>")


@view_config(route_name="greet_text")
def greet_text(request):
    # ok: VC411 -- escaped
    return PyramidResponse(f"<h1>Hello {html.escape(request.params['name'])}</h1>")


@ui.page("/search")
def search_page(q: str = ""):
    # expect: VC411 -- a page's query parameter into raw HTML
    ui.html(f"<h3>Results for {q}</h3>")
    # ok: VC411 -- a label escapes its text
    ui.label(f"Results for {q}")
