"""VC414 corpus: exception text and tracebacks sent to clients, and the logged-and-generic look-alikes."""
import logging
import sqlite3
import traceback
from traceback import format_exc as details_of

import jwt
import requests
import yaml
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, HTTPException, Response
from fastapi.responses import JSONResponse
from flask import Flask, abort, flash, jsonify, redirect
from flask import request as flask_request
from flask_login import login_required
from oauthlib.oauth1 import OAuth1Error
from pydantic import ValidationError
from slack_bolt import App as SlackApp

from .auth import admin_required
from .errors import QuotaExceeded
from billing.errors import InvoiceError

app = Flask(__name__)
api = FastAPI()
bolt = SlackApp()
logger = logging.getLogger(__name__)


@app.post("/orders")
def create_order():
    try:
        return jsonify(place_order())
    except Exception as exc:
        # expect: VC414
        return jsonify(error=str(exc)), 500


@app.get("/report")
def report():
    try:
        return build_report()
    except Exception:
        # expect: VC414
        return traceback.format_exc(), 500


@api.get("/items/{item_id}")
async def read_item(item_id: int):
    try:
        return load_item(item_id)
    except Exception as e:
        # expect: VC414
        raise HTTPException(status_code=500, detail=f"Failed to load item: {e}")


def django_view(request):
    try:
        return JsonResponse(run_query(request.GET["q"]))
    except Exception as error:
        # expect: VC414
        return JsonResponse({"error": repr(error)}, status=500)


@api.post("/sync")
async def upstream_error_body():
    try:
        response = requests.post("https://upstream.example.com/sync", timeout=5)
        response.raise_for_status()
    except requests.HTTPError as err:
        # expect: VC414
        return JSONResponse({"upstream": err.response.text}, status_code=502)
    return {"ok": True}


@app.post("/delete")
def flashed_error():
    try:
        delete_everything()
    except OSError as e:
        message = "Could not delete: " + str(e)
        # expect: VC414
        flash(message)
    return redirect("/")


@bolt.command("/deploy")
def deploy(ack, respond, body):
    ack()
    try:
        run_deploy(body["text"])
    except Exception as exc:
        # expect: VC414
        respond(f"Deploy failed: {exc}")


@app.errorhandler(500)
def server_error(error):
    details = traceback.format_exc()
    # expect: VC414
    return {"error": "internal", "trace": details}, 500


@app.get("/abort")
def aborted():
    try:
        return load_settings()
    except Exception as exc:
        # expect: VC414
        abort(500, description=str(exc))


@app.post("/logged")
def logged_and_generic():
    try:
        return jsonify(place_order())
    except Exception:
        logger.exception("placing an order failed")
        # ok: VC414
        return jsonify(error="internal error"), 500


@app.post("/debug-only")
def details_only_when_debugging():
    try:
        return jsonify(place_order())
    except Exception:
        # ok: VC414 -- the traceback is sent only with debugging switched on
        return jsonify(error=traceback.format_exc() if app.debug else "internal error"), 500


@app.post("/debug-inverted")
def details_unless_debugging():
    try:
        return jsonify(place_order())
    except Exception:
        # expect: VC414 -- the details go out when debugging is off
        return jsonify(error="see the log" if app.debug else traceback.format_exc()), 500


@app.post("/validation")
def validation_message_for_client():
    try:
        order = parse_order()
    except ValidationError as exc:
        # ok: VC414
        return jsonify(error=str(exc)), 400
    return jsonify(order)


@app.post("/value")
def value_error_message():
    try:
        quantity = parse_quantity()
    except ValueError as exc:
        # ok: VC414
        return jsonify(error=f"bad quantity: {exc}"), 400
    return jsonify(quantity=quantity)


@app.post("/format")
def format_source():
    try:
        formatted = formatter.format(request.get_data(as_text=True))
    except (formatter.InvalidInput, formatter.SourceParseError) as exc:
        # ok: VC414 -- the error is about the source the client sent, written for that client
        return jsonify(error=str(exc)), 400
    except formatter.FormatterCrash as exc:
        # expect: VC414 -- an internal failure's text
        return jsonify(error=str(exc)), 500
    return jsonify(formatted=formatted)


@api.post("/upload")
async def upload(request):
    try:
        form = await request.form()
    except MultiPartException as exc:
        # ok: VC414 -- the multipart parser's message names the limit the client's upload broke
        raise HTTPException(status_code=400, detail=exc.message)
    try:
        stored = await storage.put(form["file"])
    except StorageError as exc:
        # expect: VC414 -- the storage backend's text is internal
        raise HTTPException(status_code=502, detail=str(exc))
    return {"stored": stored}


@app.get("/logged-detail")
def detail_logged_not_returned():
    try:
        return build_report()
    except Exception as exc:
        logger.error("report failed: %s", exc)
        # ok: VC414
        return jsonify(error="report failed"), 500


@api.get("/error-class")
async def error_class_name_only():
    try:
        return load_item(1)
    except Exception as e:
        # ok: VC414
        raise HTTPException(status_code=500, detail=f"internal error ({type(e).__name__})")


def not_a_view(job):
    try:
        job.run()
    except Exception as exc:
        # ok: VC414
        return {"status": "failed", "error": str(exc)}


@app.get("/error-id")
def error_id_only():
    try:
        return build_report()
    except Exception:
        error_id = log_failure()
        # ok: VC414
        return jsonify(error="internal error", id=error_id), 500


@app.get("/retry")
def retried():
    for _ in range(3):
        try:
            return build_report()
        except TimeoutError:
            continue
    # ok: VC414
    return jsonify(error="timed out"), 504


def protected_resource(request, server):
    try:
        credential = server.acquire_credential(request)
    except OAuth1Error as error:
        # ok: VC414 -- an OAuth protocol error: its code and description are the response the RFC prescribes
        return JsonResponse(dict(error.get_body()), status=error.status_code)
    try:
        return JsonResponse(server.resource_for(credential))
    except Exception as error:
        # expect: VC414 -- any other error's details are internal
        return JsonResponse(dict(error.args), status=500)


@api.exception_handler(Exception)
async def unhandled(request, exc):
    logger.exception("unhandled error on %s", request.url.path)
    # expect: VC414 -- the handler's exception is an internal error, as a caught one is
    return JSONResponse(status_code=500, content={"detail": "Internal server error", "error": repr(exc)})


@api.exception_handler(ValueError)
async def bad_value(request, exc):
    # expect: VC414 -- a traceback shows code and paths whatever the exception's class
    return Response(traceback.format_exc(), status_code=400, media_type="text/plain")


@api.exception_handler(LookupError)
async def missing(request, exc):
    logger.warning("lookup failed on %s", request.url.path, exc_info=exc)
    # ok: VC414
    return Response("not found", status_code=404, media_type="text/plain")


@app.errorhandler(SQLAlchemyError)
def database_error(error):
    # expect: VC414
    return jsonify(error=f"database error: {error}"), 500


@api.exception_handler(RequestValidationError)
async def invalid_request(request, exc):
    # ok: VC414 -- a validation error says what was wrong with the request, to whoever sent it
    return JSONResponse(status_code=422, content={"detail": str(exc)})


@app.errorhandler(404)
def not_found(error):
    # ok: VC414 -- an HTTP error's text is the status description, meant for the client
    return jsonify(error=str(error)), 404


@api.exception_handler(Exception)
async def unhandled_generic(request, exc):
    logger.exception("unhandled error", exc_info=exc)
    # ok: VC414
    return JSONResponse(status_code=500, content={"detail": "Internal server error"})


@api.get("/claims")
def claims(token: str):
    try:
        return decode_token(token)
    except jwt.MissingRequiredClaimError as e:
        # ok: VC414 -- PyJWT's error names the claim the client's token lacks
        raise HTTPException(status_code=401, detail=f"Missing required claim: {e.claim}")
    except jwt.PyJWKClientError as e:
        # expect: VC414 -- fetching the key set failed on the server: its text names internal hosts
        raise HTTPException(status_code=503, detail=str(e))


@api.get("/jobs/{job_id}")
def get_job_status(job_id: str):
    try:
        return load_job(job_id)
    except TrackingException as e:
        # ok: VC414 -- the application's API error: the handler answers with the status it carries
        raise HTTPException(status_code=e.get_http_status_code(), detail=e.message)
    except RuntimeError as e:
        # expect: VC414 -- the status is the handler's own: the error is an internal one
        raise HTTPException(status_code=500, detail=str(e))


@api.get("/runs/{run_id}")
def get_run_status(run_id: str):
    try:
        return load_job(run_id)
    except requests.HTTPError as e:
        # expect: VC414 -- the status of the upstream's response, not one the error carries for this client
        raise HTTPException(status_code=e.response.status_code, detail=str(e))


@app.route("/admin/mailsettings", methods=["POST"])
@admin_required
def update_mail_settings():
    try:
        send_test_mail()
    except Exception as ex:
        # ok: VC414 -- only administrators reach it: the operator who changed the setting is told why it failed
        flash(str(ex), category="error")
    return redirect("/admin")


@app.route("/profile/mail", methods=["POST"])
@login_required
def update_profile_mail():
    try:
        send_test_mail()
    except Exception as ex:
        # expect: VC414 -- any signed-in user sees it
        flash(str(ex), category="error")
    return redirect("/me")


import grpc
from chalice import BadRequestError
from pyramid.response import Response as PyramidResponse


class LedgerServicer:
    def Transfer(self, request, context):
        try:
            return move_money(request.source, request.target)
        except Exception as exc:
            # expect: VC414
            context.abort(grpc.StatusCode.INTERNAL, str(exc))

    def Export(self, request, context):
        try:
            return export(request.name)
        except OSError:
            context.set_code(grpc.StatusCode.INTERNAL)
            # expect: VC414
            context.set_details(traceback.format_exc())

    def Balance(self, request, context):
        try:
            return balance(request.account)
        except Exception:
            logging.exception("balance failed")
            # ok: VC414
            context.abort(grpc.StatusCode.INTERNAL, "internal error")


def preview(request):
    try:
        return render(request.params["template"])
    except Exception as exc:
        # expect: VC414
        return PyramidResponse(f"template error: {exc}", status=400)


def lambda_handler(event, context):
    try:
        return respond(200, remove(event["pathParameters"]["id"]))
    except Exception as exc:
        # expect: VC414 -- a Lambda handler's return value is the API Gateway response
        return respond(500, {"error": str(exc)})


def other_handler(event, context):
    try:
        return respond(200, remove(event["pathParameters"]["id"]))
    except Exception:
        logging.exception("remove failed")
        # ok: VC414
        return respond(500, {"error": "internal error"})


def chalice_view():
    try:
        return import_rows()
    except Exception as exc:
        # expect: VC414
        raise BadRequestError(str(exc))


@app.post("/config/preview")
def preview_config():
    payload = flask_request.get_data(as_text=True)
    try:
        return jsonify(yaml.safe_load(payload))
    except yaml.YAMLError as exc:
        # ok: VC414 -- the parser points at the mistake in the client's own payload
        return jsonify(error=f"invalid YAML: {exc}"), 400


@app.post("/config/save")
def save_config():
    payload = flask_request.get_data(as_text=True)
    try:
        with sqlite3.connect("app.db") as db:
            db.execute("INSERT INTO configs (body) VALUES (?)", (payload,))
    except sqlite3.Error as exc:
        # expect: VC414 -- the database's error, not the client's
        return jsonify(error=f"could not save: {exc}"), 500
    return jsonify(saved=True)


@app.post("/quota")
def use_quota():
    try:
        return jsonify(consume())
    except QuotaExceeded as error:
        # ok: VC414 -- the project's own error (a relative import) answered with its error code: its API error
        return jsonify({"error": error.message, "error_code": error.error_code}), 409


@app.post("/quota-text")
def use_quota_text():
    try:
        return jsonify(consume())
    except QuotaExceeded as error:
        # expect: VC414 -- no error code read: nothing marks the text as written for the client
        return jsonify({"error": str(error)}), 409


@app.post("/invoice")
def make_invoice():
    try:
        return jsonify(consume())
    except InvoiceError as error:
        # expect: VC414 -- another package's error: its `code` says nothing about its text
        return jsonify({"error": str(error), "code": error.code}), 500


@app.post("/rows")
def read_rows():
    try:
        return jsonify(consume())
    except sqlite3.Error as error:
        # expect: VC414 -- a driver's error code does not make its message the client's
        return jsonify({"error": str(error), "code": error.sqlite_errorcode}), 500


@app.get("/last-error")
def last_error():
    # no `except` here: the traceback is read through an alias, so the function is still walked
    # expect: VC414
    return details_of(), 500


@app.get("/status")
def status():
    # ok: VC414
    return jsonify(status="ok")


def preview_revert(revision_id):
    raise _RollBack(redirect(f"/revisions/{revision_id}"))


class _RollBack(Exception):
    def __init__(self, response):
        self.response = response


@app.post("/revisions/<int:revision_id>/revert")
def revert_revision(revision_id):
    try:
        return preview_revert(revision_id)
    except _RollBack as ex:
        # ok: VC414 -- the exception carries the response the preview built, handed back whole
        return ex.response


@app.post("/mirror")
def mirror_upstream():
    try:
        return requests.get("https://upstream.example.com/data", timeout=5).json()
    except requests.HTTPError as err:
        # expect: VC414 -- the upstream's error page, not a response the code built
        return err.response.content


import re
import socket
from flask import jsonify as _jsonify, request as _request


@app.get("/search/regex")
def search_by_regex():
    try:
        pattern = re.compile(_request.args["regex"])
    except re.error as e:
        # ok: VC414 -- where the client's own pattern is wrong
        return _jsonify({"error": f"Invalid regex: {e}"}), 400
    return _jsonify({"pattern": pattern.pattern})


@app.get("/search/regex-or-disk")
def search_by_regex_on_disk():
    try:
        pattern = re.compile(_request.args["regex"])
        with open("/srv/data/index.txt") as f:
            hits = [line for line in f if pattern.search(line)]
    except (re.error, OSError) as e:
        # expect: VC414 -- an OSError names the server's files
        return _jsonify({"error": str(e)}), 400
    return _jsonify({"hits": hits})


@app.get("/lookup")
def lookup_host():
    try:
        address = socket.gethostbyname(_request.args["host"])
    except socket.error as e:
        # expect: VC414 -- a bare `error` of another module is no pattern's complaint
        return _jsonify({"error": str(e)}), 502
    return _jsonify({"address": address})


def default_exception(request, exc):
    """Django's page for a production error; the traceback for a developer."""
    if not settings.DEBUG:
        raise exc
    logger.exception(exc)
    # ok: VC414 -- the function leaves first thing unless debugging is on: only a developer gets here
    return HttpResponse(traceback.format_exc(), status=500, content_type="text/plain")


def exception_page(request, exc):
    if not settings.DEBUG:
        return JsonResponse({"error": "internal error"}, status=500)
    # ok: VC414
    return JsonResponse({"error": str(exc), "trace": traceback.format_exc()}, status=500)


def exception_page_logged(request, exc):
    if not settings.DEBUG:
        logger.warning("debugging is off")
    # expect: VC414 -- the guard only logs: production clients get the traceback too
    return HttpResponse(traceback.format_exc(), status=500)


def exception_page_guarded_late(request, exc):
    details = traceback.format_exc()
    # expect: VC414 -- sent before the debugging test
    send_report = JsonResponse({"trace": details}, status=500)
    if not settings.DEBUG:
        return send_report
    return HttpResponse("see the log", status=500)
