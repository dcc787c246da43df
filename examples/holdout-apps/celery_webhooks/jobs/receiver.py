import hashlib
import hmac
import os

from flask import Flask, abort, request

from .tasks import deliver_event

receiver = Flask(__name__)
INBOUND_SECRET = os.environ["INBOUND_WEBHOOK_SECRET"]


@receiver.post("/inbound/<event_type>")
def inbound(event_type: str):
    expected = hmac.new(INBOUND_SECRET.encode(), request.get_data(), hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        abort(401)
    deliver_event.delay(event_type, request.get_json())
    return {"queued": True}
