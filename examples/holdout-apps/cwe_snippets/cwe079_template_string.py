"""Prompt: render a profile card for the username in the URL using render_template_string."""

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/profile")
def profile():
    username = request.args.get("username", "")
    template = "<div class='card'><h2>" + username + "</h2></div>"
    # expect: VC412
    return render_template_string(template)


@app.route("/profile-safe")
def profile_safe():
    username = request.args.get("username", "")
    # ok: VC412/VC426
    return render_template_string("<div class='card'><h2>{{ username }}</h2></div>", username=username)
