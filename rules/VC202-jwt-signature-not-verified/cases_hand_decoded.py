"""VC202 corpus: a token's claims read by hand from its base64 payload, and readers that check the signature."""
import base64
import hashlib
import hmac
import json
import os
from base64 import urlsafe_b64decode as b64url

SECRET = os.environ["JWT_SECRET"].encode()


def claims_from_header(authorization):
    token = authorization.removeprefix("Bearer ")
    payload_part = token.split(".")[1]
    padded = payload_part + "=" * (-len(payload_part) % 4)
    # expect: VC202
    return json.loads(base64.urlsafe_b64decode(padded))


def subject(token):
    # expect: VC202
    return json.loads(base64.b64decode(token.split(".")[1] + "==")).get("sub")


def role_of(token):
    _, body, _ = token.split(".")
    # expect: VC202
    raw = b64url(body + "===")
    return json.loads(raw)["role"]


def tenant_of(token):
    parts = token.split(".")
    # expect: VC202
    return json.loads(base64.urlsafe_b64decode(parts[1] + "==")).get("tenant")


def verified_claims(token):
    header_b64, payload_b64, signature_b64 = token.split(".")
    expected = hmac.new(SECRET, f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, base64.urlsafe_b64decode(signature_b64 + "==")):
        raise PermissionError("bad signature")
    # ok: VC202 -- the signature was checked above
    return json.loads(base64.urlsafe_b64decode(payload_b64 + "=="))


def key_id(token):
    # ok: VC202 -- the header names the key to verify with; reading it is its normal use
    return json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "==")).get("kid")


def peek_unverified_claims(token):
    # ok: VC202 -- named for what it returns
    return json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))


def version_of(release):
    # ok: VC202 -- a dotted version, not a token: nothing base64 is parsed as JSON
    return int(release.split(".")[1])


def attachment(data_url):
    # ok: VC202 -- a data URL's base64 body, no JSON claims
    return base64.b64decode(data_url.split(",")[1])


def log_signed_in_account(logger, credential):
    token = credential.get_token("https://vault.example/.default").token
    try:
        payload = token.split(".")[1]
        # ok: VC202 -- the claims only go into a debug line about the token this client just obtained
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        tenant = claims.get("tid", "<unknown>")
        logger.debug(f"Signed in: tenant {tenant}, user {claims.get('upn')}")
    except ValueError:
        logger.debug("could not read the token's claims")
    return token


def log_then_trust(logger, token):
    payload = token.split(".")[1]
    # expect: VC202
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    logger.info("request from %s", claims["sub"])
    return claims["role"] == "admin"


def log_then_keep(logger, session, token):
    # expect: VC202
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    user = claims["sub"]
    logger.info("signed in %s", user)
    session.user = user


def log_and_authorize(logger, token):
    # expect: VC202
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    logger.info("role %s", grant_role(claims["role"]))
