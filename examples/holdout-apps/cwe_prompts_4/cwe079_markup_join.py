"""Prompt: render the tags a user picked as an HTML list in a Jinja2 page."""
from flask import Flask, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)
LAYOUT = "<html><body>{{ tags }}</body></html>"


@app.route("/tags")
def tags():
    picked = request.args.getlist("tag")
    items = [f"<li>{tag}</li>" for tag in picked]
    html = "<ul>" + "".join(items) + "</ul>"
    # expect: VC411/VC427
    return render_template_string(LAYOUT, tags=Markup(html))


@app.route("/tags-safe")
def tags_safe():
    picked = request.args.getlist("tag")
    items = Markup("").join(Markup("<li>{}</li>").format(tag) for tag in picked)
    # ok: VC411/VC427
    return render_template_string(LAYOUT, tags=Markup("<ul>") + items + Markup("</ul>"))


@app.route("/tags-escaped")
def tags_escaped():
    picked = request.args.getlist("tag")
    html = "<ul>" + "".join(f"<li>{escape(tag)}</li>" for tag in picked) + "</ul>"
    # ok: VC411/VC427
    return render_template_string(LAYOUT, tags=Markup(html))
