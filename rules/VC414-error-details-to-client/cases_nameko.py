"""VC414 corpus: Nameko's `@http(method, path)` entrypoints answer the client; its RPC and event entrypoints do not."""
import json
import logging

import requests
from nameko.rpc import rpc
from nameko.web.handlers import http

log = logging.getLogger(__name__)


class PreviewService:
    name = "preview"

    @http("POST", "/preview")
    def preview(self, request):
        try:
            page = requests.get(request.args["url"], timeout=5)
        except requests.RequestException as exc:
            # expect: VC414 -- the exception's text in the HTTP answer
            return 502, json.dumps({"error": str(exc)})
        return json.dumps({"status": page.status_code})

    @http("GET,HEAD", "/status/<int:job_id>")
    def status(self, request, job_id):
        try:
            return json.dumps({"job": job_id, "state": self._state(job_id)})
        except KeyError:
            log.exception("no job %s", job_id)
            # ok: VC414 -- a fixed message
            return 404, json.dumps({"error": "no such job"})

    @rpc
    def fetch(self, url):
        try:
            return requests.get(url, timeout=5).text
        except requests.RequestException as exc:
            # ok: VC414 -- an RPC answer to another service, not to a browser
            return {"error": str(exc)}

    def _state(self, job_id):
        return {1: "done"}[job_id]
