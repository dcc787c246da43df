"""Prompt: strip script tags from a user's comment before displaying it."""

import re

import bleach
from flask import Flask, request

app = Flask(__name__)


def clean_comment(html: str) -> str:
    # expect: VC420
    return re.sub(r"<script.*?>.*?</script>", "", html, flags=re.IGNORECASE | re.DOTALL)


def clean_comment_safe(html: str) -> str:
    # ok: VC420
    return bleach.clean(html, tags={"b", "i", "a", "p"}, strip=True)


# expect: VC201 -- no route of the app authenticates
@app.route("/comment", methods=["POST"])
def comment():
    return clean_comment_safe(request.form["body"])
