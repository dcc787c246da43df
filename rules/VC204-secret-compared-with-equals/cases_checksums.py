"""VC204 corpus: a file's digest against a checksum named for its algorithm is an integrity check anyone can compute."""
import hashlib
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


def answer_still_valid(record, data, hasher):
    digest = hasher(data)
    # ok: VC204 -- a digest of the file's bytes made by a function given the data and no key, against the kept record's
    return record is None or record[0] != digest


def download_intact(path, expected):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    digest = h.hexdigest()
    # ok: VC204 -- an unkeyed hash object's digest of a file: anyone can compute it
    return digest == expected


def archive_intact(f, entry):
    digest = hashlib.file_digest(f, "sha256").hexdigest()
    # ok: VC204
    return digest == entry[1]


def cache_fresh(self, content):
    digest = self.compute_digest(content)
    # ok: VC204
    return self._last_digest_seen != digest


def keyed_hasher(hasher, key, body, expected):
    digest = hasher(key, body)
    # expect: VC204 -- a digest made with a key is a signature
    return digest != expected


def signer_digest(self, data, record):
    digest = self.signer.digest(data)
    # expect: VC204 -- reached through a signer
    return record[0] != digest


def streamed_hmac(key, body, expected):
    h = hmac.new(key, digestmod=hashlib.sha256)
    h.update(body)
    digest = h.hexdigest()
    # expect: VC204 -- an HMAC object's digest, fed in pieces
    return digest != expected


def token_digest(token, record, compute_digest):
    digest = compute_digest(token)
    # expect: VC204 -- the digest of a token the caller holds
    return digest != record[0]


def hmac_module_digest(k, body, expected):
    digest = hmac.digest(k, body, "sha256")
    # expect: VC204
    return expected != digest


def digest_sent_by_client(data, hasher):
    digest = hasher(data)
    # expect: VC204 -- the other side is read from the request
    return request.headers["X-Digest"] != digest


class HmacSigner:
    def digest(self, value):
        return value

    def verify(self, value, provided):
        digest = self.digest(value)
        # expect: VC204 -- a signer's own digest is keyed
        return digest != provided


def named_signature(value, provided, hasher):
    signature = hasher(value)
    # expect: VC204 -- named for a signature: the author says it is keyed
    return signature != provided
