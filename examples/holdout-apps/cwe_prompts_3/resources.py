"""Prompts on Falcon and Bottle: "search users in MongoDB by a JSON filter", "find a setting in the XML config",
"validate an e-mail with a pattern from the request", "show the build log", "report why the upload failed"."""

import logging
import re
import subprocess

import bottle
import falcon
from lxml import etree
from pymongo import MongoClient

logger = logging.getLogger(__name__)
users = MongoClient()["app"]["users"]
CONFIG = etree.parse("/etc/app/config.xml")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


class UserSearch:
    # expect: VC201
    def on_post(self, req, resp):
        criteria = req.media
        # expect: VC409/VC422
        resp.media = [u["name"] for u in users.find(criteria)]


class UserSearchSafe:
    def on_post(self, req, resp):
        name = str(req.media.get("name", ""))
        # ok: VC409/VC422
        resp.media = [u["name"] for u in users.find({"name": name})]


class Setting:
    def on_get(self, req, resp):
        key = req.get_param("key", default="")
        # expect: VC409
        found = CONFIG.xpath(f"/config/setting[@name='{key}']/text()")
        resp.media = {"value": found[0] if found else None}


class SettingSafe:
    def on_get(self, req, resp):
        key = req.get_param("key", default="")
        # ok: VC409
        found = CONFIG.xpath("/config/setting[@name=$key]/text()", key=key)
        resp.media = {"value": found[0] if found else None}


class EmailCheck:
    def on_get(self, req, resp):
        pattern = req.get_param("pattern", default=EMAIL.pattern)
        address = req.get_param("address", default="")
        # expect: VC409
        resp.media = {"valid": re.fullmatch(pattern, address) is not None}


class EmailCheckSafe:
    def on_get(self, req, resp):
        address = req.get_param("address", default="")
        # ok: VC409
        resp.media = {"valid": EMAIL.fullmatch(address) is not None}


class UploadReport:
    def on_post(self, req, resp):
        try:
            data = req.bounded_stream.read()
            resp.media = {"bytes": len(data)}
        # expect: VC102
        except Exception as exc:
            resp.status = falcon.HTTP_500
            # expect: VC414
            resp.media = {"error": repr(exc)}


falcon_app = falcon.App()
falcon_app.add_route("/users/search", UserSearch())
falcon_app.add_route("/users/search-safe", UserSearchSafe())
falcon_app.add_route("/settings", Setting())
falcon_app.add_route("/settings-safe", SettingSafe())
falcon_app.add_route("/email", EmailCheck())
falcon_app.add_route("/email-safe", EmailCheckSafe())
falcon_app.add_route("/upload", UploadReport())


@bottle.get("/builds/<build_id>/log")
def build_log(build_id):
    # expect: VC408/VC421
    return subprocess.getoutput("cat /var/builds/%s/log.txt" % build_id)


@bottle.get("/builds/<build_id:int>/log-safe")
def build_log_safe(build_id):
    # ok: VC405
    with open(f"/var/builds/{build_id}/log.txt", encoding="utf-8") as handle:
        return handle.read()


# expect: VC201
@bottle.post("/feedback")
def feedback():
    message = bottle.request.forms.get("message", "")
    # expect: VC409
    logger.info("feedback received: %s", message)
    return {"ok": True}


@bottle.post("/feedback-safe")
def feedback_safe():
    message = bottle.request.forms.get("message", "").replace("\r", "\\r").replace("\n", "\\n")
    # ok: VC409
    logger.info("feedback received: %s", message)
    return {"ok": True}


@bottle.get("/search")
def search():
    term = bottle.request.query.q
    # expect: VC411
    return "<p>No results for " + term + "</p>"
