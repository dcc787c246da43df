"""VC232: a signed URL made for a storage object the client names, with nothing tying the object to the caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import (
    CLEAN,
    FlowState,
    SourceFinder,
    Taint,
    call_argument,
    dotted_name,
    iter_calls,
    iter_expressions,
    request_source,
    short_code,
)
from vibecheck.analysis.nodes import callee_tail
from vibecheck.analysis.secrets_names import name_words
from vibecheck.file_memos import file_memo, remembered
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import SourceHints
from vibecheck.rules.security._client_sinks import ClientSinkRule

# Calls that sign a URL for one object, and where they take its key (position, keyword): S3's, MinIO's, Azure's.
SIGNING_CALLS: dict[str, tuple[int | None, str | None]] = {
    "generate_presigned_post": (1, "Key"), "presigned_get_object": (1, "object_name"),
    "presigned_put_object": (1, "object_name"), "generate_blob_sas": (2, "blob_name")}
PRESIGNED_URL = "generate_presigned_url"
GCS_SIGNED_URL, GCS_OBJECT_METHODS = "generate_signed_url", frozenset({"blob", "get_blob", "Blob"})
# The last names of the signing calls (`sinks`): a function that calls none of them is only noted (`note`).
SIGNING_WORDS = frozenset({PRESIGNED_URL, GCS_SIGNED_URL, *SIGNING_CALLS})
# Words of a name that stands for the caller or the caller's own scope (`current_user.id`, `request.user`, `me`,
# `g.user`, `owner_id`, `tenant`): a key built from one, or looked up together with one, is the caller's.
CALLER_WORDS = frozenset({"user", "me", "owner", "tenant", "account", "identity", "principal", "claims", "uid",
                          "customer", "member", "organization", "org", "workspace", "team"})
# Text of a module that may read the caller (`current_user`, `owner_id`), and of one that may name storage objects
# (`storage.presign(key)`, `bucket`, `s3_key`): a module with both may pass a helper a key scoped to the caller. The
# storage words start a name or a part of one (`signed_url`, `s3client`), not end one (`designed`, `unsigned`,
# `longblob`): a large module that only mentions such words is not walked.
CALLER_TEXT = tuple(sorted(CALLER_WORDS - {"me"}))
STORAGE_TEXT = lazy_pattern(r"presign|(?:^|[ _])(?:signed|sign_url|s3|bucket|blob|storage|object_key|download_url"
                            r"|upload_url|gcs|minio)")


def key_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input, but not a key that names the caller (`f"users/{current_user.id}/{name}"`)."""
    if type(node) in (cst.FormattedString, cst.BinaryOperation, cst.Call) and mentions_caller(node):
        return CLEAN
    return request_source(node, state)


def mentions_caller(node: cst.CSTNode) -> bool:
    """Whether an expression reads the caller: `current_user.id`, `request.user.pk`, `g.user`, `user_id`, `me.id`;
    once per node of the file (the rule's source finder asks it of every built key in every query)."""
    return remembered(_MENTIONS_CALLER, node, _mentions_caller)


# Per file: expression -> `mentions_caller`.
_MENTIONS_CALLER: dict[int, tuple[cst.CSTNode, bool]] = file_memo({})


def _mentions_caller(node: cst.CSTNode) -> bool:
    return any(type(inner) in (cst.Name, cst.Attribute) and not CALLER_WORDS.isdisjoint(name_words(
        dotted_name(inner) or "")) for inner in iter_expressions(node))


class OwnerState(FlowState):
    """The flow state where only a test that also reads the caller checks a key (`if not key.startswith(
    f"{user.id}/"):`); a test of the key's characters (`SAFE_NAME.match(key)`) says nothing about whose it is."""

    def clear_checked(self, test: cst.CSTNode) -> bool:
        if not mentions_caller(test):
            return False
        forgot = False
        for inner in iter_expressions(test):
            if type(inner) is cst.Name and self.names.pop(inner.value, None) is not None:
                forgot = True
        return forgot


class StorageKeyFromClient(ClientSinkRule):
    """A signed URL is made for a storage object the client names, with nothing tying the object to the caller.

    ## What it does
    Follows client input (request fields, route and query parameters) into the object key of a signed URL:
    S3's `generate_presigned_url(..., Params={"Key": key})` and `generate_presigned_post(bucket, key)`, a GCS
    `bucket.blob(name).generate_signed_url(...)`, Azure's `generate_blob_sas(..., blob_name)`, MinIO's
    `presigned_get_object`/`presigned_put_object`. A key built from the caller (`f"users/{current_user.id}/{name}"`,
    `f"{request.user.pk}/{name}"`), a key passed to a lookup that also reads the caller first
    (`Export.query.filter_by(key=key, owner_id=current_user.id).first_or_404()`), and a key tested together with the
    caller (`if not key.startswith(f"{user.id}/"): abort(403)`) are not reported. A check of the key's characters
    alone (`SAFE_NAME.match(key)`) does not make it the caller's. Flows are followed within the function; a key
    passed to the project's own functions (a `presign(key)` helper in a storage module) is followed by VC417, which
    reports the signing call it reaches and the functions it went through.

    ## Why is this bad?
    A signed URL is the bucket's permission, handed out: whoever holds it reads (or, for an upload URL, writes) the
    object without any further check. When the client names the key, every signed-in user, or anyone for an open
    route, downloads any other user's exports, invoices or uploads by changing `?key=` (an insecure direct object
    reference, CWE-639), and an upload URL lets them overwrite other users' files. Object keys are guessable: they
    are ids, dates and file names.

    ## Example
    ```python
    import boto3
    from flask import Flask, redirect, request
    from flask_login import login_required

    app = Flask(__name__)
    s3 = boto3.client("s3")

    @app.get("/exports/download")
    @login_required
    def download_export():
        key = request.args["key"]
        return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": key}, ExpiresIn=300))
    ```

    ## Use instead
    ```python
    import boto3
    from flask import Flask, abort, redirect, request
    from flask_login import current_user, login_required

    app = Flask(__name__)
    s3 = boto3.client("s3")

    @app.get("/exports/download")
    @login_required
    def download_export():
        name = request.args["name"]
        if "/" in name:
            abort(400)
        key = f"exports/{current_user.id}/{name}"
        return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": key}, ExpiresIn=300))
    ```

    ## References
    - [CWE-639: Authorization Bypass Through User-Controlled Key](https://cwe.mitre.org/data/definitions/639.html)
    - [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
    - [AWS: Sharing objects with presigned URLs](https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html)
    """

    code = "VC232"
    name = "storage-key-from-client"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (639, 284)
    source: ClassVar[SourceFinder] = staticmethod(key_source)
    file_hints = ("generate_presigned_url", "generate_presigned_post", "generate_signed_url", "generate_blob_sas",
                  "presigned_get_object", "presigned_put_object")
    sink_words = SIGNING_WORDS

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A module that signs URLs, or one that may name storage objects and read the caller: where it passes a key
        to a helper that signs, only this rule's walk sees a key scoped to the caller (`presign(f"{user.id}/{name}")`).
        Another module lends the join the calls another request-flow rule recorded there (`presign(request.args["key"])`,
        VC409's)."""
        if super().hinted_in(source):
            return True
        joined = source.joined
        return STORAGE_TEXT.search(joined) is not None and (
            any(word in joined for word in CALLER_TEXT) or "me" in source.words)

    def new_state(self) -> FlowState:
        return OwnerState(self.context.imports, type(self).source, checks_clear=False)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        self.note(node, state)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """What later statements' taints depend on, also where the function signs no URL: a lookup scoped to the
        caller (`filter_by(key=key, owner=current_user)`) clears the names it is given."""
        for call in iter_calls(node):
            if callee_tail(call.func) not in SIGNING_WORDS \
                    and any(mentions_caller(arg.value) for arg in call.args):
                for arg in call.args:
                    if type(arg.value) is cst.Name:
                        state.names.pop(arg.value.value, None)

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        tail = callee_tail(call.func)
        key: cst.BaseExpression | None = None
        if tail == PRESIGNED_URL:
            params = call_argument(call, 1, "Params")
            if type(params) is cst.Dict:
                key = next((element.value for element in params.elements if type(element) is cst.DictElement
                            and string_value(element.key) == "Key"), None)
        elif tail in SIGNING_CALLS:
            key = call_argument(call, *SIGNING_CALLS[tail])
        elif tail == GCS_SIGNED_URL and type(call.func) is cst.Attribute and type(call.func.value) is cst.Call \
                and callee_tail(call.func.value.func) in GCS_OBJECT_METHODS:
            key = call_argument(call.func.value, 0, "blob_name")
        if key is not None:
            yield key, f"`{short_code(call.func)}()`"

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call | None) -> None:
        self.report(node, f"The client names the storage object `{short_code(node)}` (from `{taint.origin}`) and "
                    f"{label} signs a URL for it with nothing tying it to the caller, so a user can read or overwrite "
                    "another user's objects by naming their keys.",
                    hint="Build the key on the server under the caller's own prefix (`f\"users/{user.id}/{name}\"`), "
                    "or look the object up in a table scoped to the caller before signing.")
