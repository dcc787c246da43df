"""VC204 corpus: a file's digest against a checksum named for its algorithm is an integrity check anyone can compute."""
import hmac
from hashlib import sha256

from flask import request


def needs_full_upload(digester, size, content_sha1):
    hex_digest = digester.update_from_stream(size)
    # ok: VC204 -- a content digest against the stored file's SHA-1: both are checksums of public bytes
    return hex_digest != content_sha1


def verify_download(blob, record):
    computed_digest = sha256(blob).hexdigest()
    # ok: VC204 -- the record's checksum attribute, named for its algorithm
    return computed_digest == record.expected_sha256


def verify_webhook(secret, body):
    expected_digest = hmac.new(secret, body, sha256).hexdigest()
    # expect: VC204 -- a keyed checksum name is a signature, whatever it is called
    return expected_digest == request.headers["X-Hmac-Sha256"]


def check_signed(body_digest, hmac_sha256):
    # expect: VC204 -- hmac_sha256 is keyed: its leading bytes are worth guessing
    return body_digest == hmac_sha256
