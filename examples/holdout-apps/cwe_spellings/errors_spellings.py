"""Prompt: report errors of a file-conversion endpoint to the caller (Flask error handler, Django, f-string)."""

import logging
import traceback

from django.http import HttpResponseServerError, JsonResponse
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)


def convert(data: bytes) -> bytes:
    return data.upper()


@app.errorhandler(Exception)
def on_error(e):
    # expect: VC414
    return jsonify(error=str(e), trace=traceback.format_exc()), 500


# expect: VC201 -- no route of the app authenticates
@app.route("/convert", methods=["POST"])
def convert_route():
    try:
        # expect: VC417 -- the client's bytes, upper-cased by a helper, are sent back as HTML
        return convert(request.get_data())
    except Exception as e:
        # expect: VC414
        return f"Conversion failed: {e}", 500


def django_convert(request):
    try:
        return JsonResponse({"size": len(convert(request.body))})
    except Exception:
        # expect: VC414
        return HttpResponseServerError(traceback.format_exc())


def django_convert_safe(request):
    try:
        return JsonResponse({"size": len(convert(request.body))})
    except ValueError:
        log.exception("conversion failed")
        # ok: VC414
        return HttpResponseServerError("conversion failed")
