"""VC430: objects or buckets in cloud storage made readable by anyone (a public ACL, policy, grant or container)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import dotted_name, module_strings, short_code
from vibecheck.analysis.nodes import callee_tail
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule, RuleContext

# Canned ACLs that open an object or bucket to everyone (S3, and GCS's predefined ACLs), lower-cased.
PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "authenticated-read", "publicread", "publicreadwrite",
                         "authenticatedread"})
# Keyword arguments and dict keys that carry a canned ACL (`ACL=`, `ExtraArgs={"ACL": ...}`, `predefined_acl=`,
# boto 2's `policy=`, an `x-amz-acl` header, a presigned POST's `{"acl": ...}` field), lower-cased.
ACL_KEYS = frozenset({"acl", "x-amz-acl", "policy", "predefined_acl", "predefined_default_object_acl", "default_acl",
                      "canned_acl"})
# Assignments of a canned ACL that storage backends read (django-storages' settings and class attribute).
ACL_SETTING = lazy_pattern(r"(?i)(?:^|_)(?:default|object)_acl$")
# Calls whose first argument is a canned ACL (boto 2's `key.set_acl("public-read")`).
ACL_SETTERS = frozenset({"set_acl", "set_canned_acl", "set_xml_acl"})
# GCS/IAM members that mean everyone, and the ACL entities whose grants open an object to them.
EVERYONE_MEMBERS = frozenset({"allUsers", "allAuthenticatedUsers"})
MEMBER_KEYS = frozenset({"member", "members"})
EVERYONE_ENTITIES = frozenset({"all", "all_authenticated"})
# Azure containers: `public_access=` other than None/"off" lets anyone list or read the blobs.
AZURE_PUBLIC_LEVELS = frozenset({"blob", "container"})
# Receivers of `make_public()` that are storage objects by their name (a GCS blob or bucket, a boto 2 key): the method
# is as common on an app's own models (`album.make_public()`), which the module's imports cannot tell apart.
STORAGE_RECEIVER = lazy_pattern(r"(?i)blob|bucket|gcs|s3|^key$")
# A bucket meant to be public: a static site's or its assets' (words of the bucket, key, function or class names).
PUBLIC_BY_DESIGN = lazy_pattern(r"(?i)(?:^|[^a-z])(?:static|staticfiles|assets?|website|cdn|cloudfront|www)(?:$|[^a-z])"
                              r"|Static|Assets?|Website|Cdn|CloudFront")
# A storage library's own opt-in (boto's `Key.make_public()` setting `public-read`): the caller asked for it by name.
PUBLIC_OPT_IN = lazy_pattern(r"^_*(?:make|set)_public")
WEBSITE_CALLS = frozenset({"put_bucket_website", "configure_website", "WebsiteConfiguration", "set_service_properties"})
# Signed URLs: the call, the keyword of its lifetime, and the longest lifetime that is not reported (seconds).
SIGNED_URL_LIFETIMES = {"generate_presigned_url": "ExpiresIn", "generate_presigned_post": "ExpiresIn",
                        "generate_signed_url": "expiration", "generate_blob_sas": "expiry",
                        "generate_container_sas": "expiry", "generate_account_sas": "expiry",
                        "presigned_get_object": "expires", "presigned_put_object": "expires",
                        "presigned_url": "expires", "generate_url": "expires_in"}
LONGEST_SIGNED_URL = 24 * 3600
TIMEDELTA_SECONDS = {"weeks": 7 * 24 * 3600, "days": 24 * 3600, "hours": 3600, "minutes": 60, "seconds": 1}
HINT = ("Keep the object private and hand out short-lived signed URLs (`generate_presigned_url(..., ExpiresIn=900)`), "
        "or serve it through the app after checking who asks.")


class PublicObjectStorage(Rule):
    """Objects or buckets in cloud storage are made readable by anyone: a public ACL, policy, grant or container.

    ## What it does
    Reports what makes stored objects public from code: a public canned ACL given to any call or in any
    argument dict (`ACL="public-read"`, `"public-read-write"`, `"authenticated-read"` on `put_object`,
    `upload_file(ExtraArgs={"ACL": ...})`, `put_object_acl`, `create_bucket`, a presigned POST's `acl` field,
    GCS's `predefined_acl="publicRead"`, boto 2's `set_acl("public-read")`), also through a module constant;
    a storage backend's setting of one (`AWS_DEFAULT_ACL = "public-read"`, `default_acl` on a django-storages
    class); `make_public()` on a GCS blob or bucket (or boto 2 key); a GCS ACL grant to `all()` or
    `all_authenticated()` and an IAM binding for `allUsers`/`allAuthenticatedUsers`; a bucket policy statement
    that allows `"Principal": "*"` (or `{"AWS": "*"}`) with no `Condition`; an Azure container created or set
    with `public_access="blob"`/`"container"` (or `PublicAccess.Blob`/`.Container`); and a signed URL that
    lives longer than a day (`ExpiresIn=604800`, `expiration=timedelta(days=7)`, a SAS `expiry` a year
    ahead). Not reported: `"private"`, `"bucket-owner-full-control"` and the other private ACLs, a `Deny` or
    conditioned policy statement, a short-lived URL, and storage that is public by design: a bucket, key,
    function, class or module path named for static files, assets, a CDN or a website (`static_bucket`,
    `class StaticStorage`, `cloudfront/`), a module that configures a static website (`put_bucket_website`), and a
    storage library's own opt-in method (`def make_public(self): ...set_canned_acl("public-read")`).

    ## Why is this bad?
    A public object is readable by anyone who finds or guesses its URL, and bucket names and keys are
    guessable: invoices, exports, user uploads and backups published this way are a common source of data
    breaches (CWE-732). A public-read-write bucket also lets anyone replace what the app serves. A signed
    URL is a bearer credential: one that lives for a week keeps working after it leaks into a log, a proxy,
    a browser history or a forwarded e-mail. Agents add `public-read` because it makes the link in the
    answer work at once.

    ## Example
    ```python
    import boto3

    s3 = boto3.client("s3")

    def publish_invoice(key, pdf):
        s3.put_object(Bucket="invoices", Key=key, Body=pdf, ACL="public-read")
        return f"https://invoices.s3.amazonaws.com/{key}"
    ```

    ## Use instead
    ```python
    import boto3

    s3 = boto3.client("s3")

    def publish_invoice(key, pdf):
        s3.put_object(Bucket="invoices", Key=key, Body=pdf)
        return s3.generate_presigned_url("get_object", Params={"Bucket": "invoices", "Key": key}, ExpiresIn=900)
    ```

    ## References
    - [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
    - [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
    - [AWS: Blocking public access to your Amazon S3 storage](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)
    - [Google Cloud: Making data public](https://cloud.google.com/storage/docs/access-control/making-data-public)
    """

    code = "VC430"
    name = "public-object-storage"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (732, 284)
    applies_to_tests = False  # a test uploads fixtures to a fake bucket
    file_hints = ("acl", "make_public", "principal", "public_access", "publicaccess", "allusers",
                  "allauthenticatedusers", "expiresin", "expiration", "expiry", "expires")

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._scopes: list[str] = []  # the enclosing classes' and functions' names
        self._calls: list[cst.Call] = []  # the enclosing calls, whose arguments name the bucket and key
        self._checks = 0  # depth of comparisons, where a value is tested, not set

    def _website_module(self) -> bool:
        found: bool | None = self.__dict__.get("_website")
        if found is None:
            found = self.__dict__["_website"] = any(call in self.context.source for call in WEBSITE_CALLS)
        return found

    def _public_by_design(self, *nodes: cst.CSTNode | None) -> bool:
        names = [self.context.project_path, *self._scopes, *(short_code(node, 200) for node in nodes if node is not None)]
        return self._website_module() or any(PUBLIC_BY_DESIGN.search(name) for name in names) \
            or any(PUBLIC_OPT_IN.match(scope) for scope in self._scopes)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scopes.pop()

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._checks += 1

    def leave_Comparison(self, original_node: cst.Comparison) -> None:
        self._checks -= 1

    def _canned_acl(self, node: cst.BaseExpression) -> str | None:
        """The public canned ACL `node` spells, also through a module constant; None for any other value."""
        text = string_value(node)
        if text is None and type(node) is cst.Name:
            text = module_strings(self.context.module).get(node.value)
        return text if text is not None and text.lower() in PUBLIC_ACLS else None

    def leave_Call(self, original_node: cst.Call) -> None:
        self._calls.pop()

    def visit_Call(self, node: cst.Call) -> None:
        self._calls.append(node)
        tail = callee_tail(node.func) or ""
        for arg in node.args:
            keyword = arg.keyword.value if arg.keyword is not None else None
            if keyword is None:
                continue
            if keyword.lower() in ACL_KEYS and (acl := self._canned_acl(arg.value)) is not None:
                self._report_acl(arg, acl, f"{keyword}={short_code(arg.value)}")
            elif keyword == "public_access" and _azure_public_level(arg.value) is not None:
                self._report_container(arg, node)
            elif keyword in MEMBER_KEYS:
                self._check_members(arg.value)
        if tail in ("add", "append") and node.args and _is_member_list(node.func.value):  # type: ignore[attr-defined]
            self._check_members(node.args[0].value)
        if tail in ACL_SETTERS and node.args and node.args[0].keyword is None \
                and (acl := self._canned_acl(node.args[0].value)) is not None:
            self._report_acl(node, acl, short_code(node))
        elif tail == "make_public" and self._is_storage_object(node.func) and not self._public_by_design(node.func):
            self.report(node, f"`{short_code(node)}` makes the stored object readable by anyone who has its URL.",
                        hint=HINT)
        elif tail.startswith("grant_") and type(node.func) is cst.Attribute and type(node.func.value) is cst.Call \
                and callee_tail(node.func.value.func) in EVERYONE_ENTITIES and _is_acl(node.func.value.func) \
                and not self._public_by_design(node.func):
            self.report(node, f"`{short_code(node)}` grants everyone access to the stored object.", hint=HINT)
        elif tail in SIGNED_URL_LIFETIMES:
            self._check_lifetime(node, SIGNED_URL_LIFETIMES[tail])

    def _is_storage_object(self, func: cst.BaseExpression) -> bool:
        """`blob.make_public()`, `bucket.blob(name).make_public()`, `key.make_public()`."""
        if type(func) is not cst.Attribute:
            return False
        receiver = func.value
        named = dotted_name(receiver) or (callee_tail(receiver.func) if type(receiver) is cst.Call else None) or ""
        return bool(STORAGE_RECEIVER.search(named.rsplit(".", 1)[-1]))

    def _report_acl(self, where: cst.CSTNode, acl: str, shown: str) -> None:
        if self._checks or self._public_by_design(*(self._calls[-1].args if self._calls else ())):
            return
        self.report(where, f"`{shown}` gives the stored objects the `{acl}` ACL, so anyone "
                    f"{'with an AWS or Google account ' if acl.lower().startswith('auth') else ''}can read them.",
                    hint=HINT)

    def _report_container(self, where: cst.Arg, call: cst.Call) -> None:
        if not self._public_by_design(*call.args):
            self.report(where, f"`{short_code(where)}` lets anyone read the container's blobs without a key.",
                        hint=HINT)

    def _check_lifetime(self, call: cst.Call, keyword: str) -> None:
        value = next((arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == keyword), None)
        seconds = self._seconds(value) if value is not None else None
        if seconds is not None and seconds > LONGEST_SIGNED_URL and value is not None:
            self.report(value, f"The signed URL of `{short_code(call.func)}()` stays valid for {_duration(seconds)}, so "
                        "whoever gets the link later (a log, a forwarded e-mail) can still use it.",
                        hint="Sign URLs for minutes (`ExpiresIn=900`) and sign a new one each time the owner asks.")

    def _seconds(self, node: cst.BaseExpression) -> int | None:
        """A lifetime in seconds: a number, arithmetic of numbers, a `timedelta(...)`, or `now() + timedelta(...)`."""
        kind = type(node)
        if kind is cst.Integer:
            return int(node.evaluated_value)  # type: ignore[attr-defined]
        if kind is cst.Name:
            return self._module_numbers().get(node.value)  # type: ignore[attr-defined]
        if kind is cst.Call and (callee_tail(node.func) or "") == "timedelta":  # type: ignore[attr-defined]
            total = 0
            for arg in node.args:  # type: ignore[attr-defined]
                amount = self._seconds(arg.value)
                unit = TIMEDELTA_SECONDS.get(arg.keyword.value if arg.keyword is not None else "days")
                if amount is None or unit is None:
                    return None
                total += amount * unit
            return total
        if kind is cst.BinaryOperation:
            left, right = node.left, node.right  # type: ignore[attr-defined]
            operator = type(node.operator)  # type: ignore[attr-defined]
            if operator is cst.Add and _is_now(left):
                return self._seconds(right)
            first, second = self._seconds(left), self._seconds(right)
            if first is None or second is None:
                return None
            return first * second if operator is cst.Multiply else first + second if operator is cst.Add else None
        return None

    def _module_numbers(self) -> dict[str, int]:
        """Module-level `NAME = 604800` bindings (plain integers only)."""
        found: dict[str, int] | None = self.__dict__.get("_numbers")
        if found is None:
            found = self.__dict__["_numbers"] = {
                small.targets[0].target.value: int(small.value.evaluated_value)
                for statement in self.context.module.body if type(statement) is cst.SimpleStatementLine
                for small in statement.body if type(small) is cst.Assign and len(small.targets) == 1
                and type(small.targets[0].target) is cst.Name and type(small.value) is cst.Integer}
        return found

    def visit_Dict(self, node: cst.Dict) -> None:
        if self._checks:
            return
        entries = {key: element.value for element in node.elements if type(element) is cst.DictElement
                   and (key := string_value(element.key)) is not None}
        for element in node.elements:
            if type(element) is not cst.DictElement:
                continue
            key = (string_value(element.key) or "").lower()
            if key in MEMBER_KEYS:
                self._check_members(element.value)
            if key in ACL_KEYS and (acl := self._canned_acl(element.value)) is not None:
                self._report_acl(element, acl, f"{short_code(element.key)}: {short_code(element.value)}")
        principal = entries.get("Principal")
        if principal is not None and _is_everyone(principal) and string_value(entries.get("Effect")) == "Allow" \
                and "Condition" not in entries and not self._public_by_design(*entries.values()):
            self.report(principal, "The bucket policy statement allows any principal (`\"Principal\": \"*\"`) with no "
                        "condition, so anyone on the internet gets its actions.", hint="Name the accounts or roles that "
                        "need access in `Principal`, or add a `Condition`, and keep the bucket's public access block on.")

    def _check_members(self, value: cst.BaseExpression) -> None:
        """`"members": {"allUsers"}`, `member="allUsers"`, `members.add("allAuthenticatedUsers")`."""
        for item in (value.elements if type(value) in (cst.Set, cst.List, cst.Tuple) else (value,)):  # type: ignore
            member = string_value(item.value if isinstance(item, cst.BaseElement) else item)
            if member in EVERYONE_MEMBERS and not self._checks and not self._public_by_design():
                self.report(item, f"An IAM binding for `{member}` opens the resource to everyone.", hint=HINT)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._check_setting(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._check_setting(node.target, node.value)

    def _check_setting(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        name = dotted_name(target) or ""
        acl = string_value(value)
        if ACL_SETTING.search(name.rsplit(".", 1)[-1]) and acl is not None and acl.lower() in PUBLIC_ACLS \
                and not self._public_by_design():
            self.report(value, f"`{name} = {short_code(value)}` makes every file the storage backend writes readable "
                        "by anyone.", hint="Leave the default ACL private (`None`) and serve private files through "
                        "signed URLs (`querystring_auth = True`).")


def _azure_public_level(node: cst.BaseExpression) -> str | None:
    text = string_value(node)
    if text is None and type(node) is cst.Attribute and (dotted_name(node.value) or "").endswith("PublicAccess"):
        text = node.attr.value
    return text if text is not None and text.lower() in AZURE_PUBLIC_LEVELS else None


def _is_member_list(receiver: cst.BaseExpression) -> bool:
    """`binding.members`, `binding["members"]`, `policy["roles/storage.objectViewer"]`: the members of a role."""
    if type(receiver) is cst.Subscript and len(receiver.slice) == 1 and type(receiver.slice[0].slice) is cst.Index:
        key = string_value(receiver.slice[0].slice.value) or ""
        return key in MEMBER_KEYS or key.startswith("roles/")
    return (dotted_name(receiver) or "").endswith("members")


def _is_acl(func: cst.BaseExpression) -> bool:
    """`blob.acl.all` / `bucket.default_object_acl.all_authenticated`: an ACL's entity."""
    return type(func) is cst.Attribute and (callee_tail(func.value) or "").endswith("acl")


def _is_everyone(principal: cst.BaseExpression) -> bool:
    """`"*"`, `{"AWS": "*"}` or `{"AWS": ["*"]}`."""
    if string_value(principal) == "*":
        return True
    if type(principal) is cst.Dict:
        return any(type(element) is cst.DictElement and (string_value(element.value) == "*" or (
            type(element.value) is cst.List and any(string_value(item.value) == "*" for item in element.value.elements)))
            for element in principal.elements)
    return False


def _is_now(node: cst.BaseExpression) -> bool:
    """`datetime.utcnow()`, `datetime.now(timezone.utc)`, `timezone.now()`."""
    return type(node) is cst.Call and callee_tail(node.func) in {"now", "utcnow", "today"}


def _duration(seconds: int) -> str:
    days, rest = divmod(seconds, 24 * 3600)
    return f"{days} days" if not rest and days > 1 else f"{seconds // 3600} hours" if seconds >= 3600 else f"{seconds} s"
