"""Inbound webhook from the newsletter service: no session, so no CSRF token; the HMAC signature is the check."""

import hashlib
import hmac
import json
import logging
import os

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Post

logger = logging.getLogger(__name__)


def _valid_signature(body: bytes, header: str) -> bool:
    # ok: VC403
    secret = os.environ["NEWSLETTER_WEBHOOK_SECRET"].encode()
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    # ok: VC204
    return hmac.compare_digest(expected, header)


# ok: VC208 -- a server-to-server webhook authenticated by its signature
@csrf_exempt
@require_POST
# ok: VC201/VC219
def newsletter_event(request: HttpRequest) -> HttpResponse:
    if not _valid_signature(request.body, request.headers.get("X-Signature", "")):
        return HttpResponseForbidden()
    try:
        event = json.loads(request.body)
        slug = str(event["post"])
        opens = int(event["opens"])
    except (ValueError, KeyError, TypeError):
        logger.warning("malformed newsletter event", exc_info=True)
        return HttpResponseBadRequest("malformed event")
    # ok: VC214 -- the signed sender reports on any published post
    updated = Post.objects.filter(slug=slug, status=Post.Status.PUBLISHED).update(newsletter_opens=opens)
    return HttpResponse(status=204 if updated else 404)
