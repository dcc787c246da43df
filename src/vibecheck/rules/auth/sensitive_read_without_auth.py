"""VC219: a route that reads personal data (or fetches URLs) with no guard, in an app that authenticates elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from vibecheck.analysis.app_model import AppModel, GuardOptions, ModelRoute, app_model_collector
from vibecheck.analysis.app_model.frameworks import name_words
from vibecheck.analysis.app_model.names import APP_MODEL
from vibecheck.analysis.app_model.resolve import OWN_FILE_GUARD
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.rule import ProjectRule

# Words of a path or handler name that say the response carries someone's data, or fetches for the caller.
SENSITIVE_READ_WORDS = frozenset({
    "user", "users", "customer", "customers", "order", "orders", "payment", "payments", "invoice", "invoices",
    "account", "accounts", "profile", "profiles", "email", "emails", "billing", "address", "addresses", "transaction",
    "transactions", "export", "download", "message", "messages", "document", "documents", "contact", "contacts",
    "patient", "patients", "employee", "employees", "salary", "salaries", "card", "cards", "subscription",
    "subscriptions", "proxy", "fetch", "me", "history", "report", "reports", "token", "tokens", "secret", "secrets",
    "member", "members", "directory", "location", "locations", "gps", "booking", "bookings", "reservation",
    "reservations", "conversation", "conversations", "transcript", "transcripts",
    # lists of people who gave the app their address: a newsletter's, a mailing's, an event's, a job's
    "subscriber", "subscribers", "recipient", "recipients", "attendee", "attendees", "applicant", "applicants",
    # and of the addresses invited, with the links that let each in
    "invite", "invites", "invitation", "invitations",
})
# Words of a path or handler name that say the author meant it for everyone (`/public/documents`, `public_profile`).
PUBLIC_WORDS = frozenset({"public"})
# What a project publishes for anyone to fetch (`GET /firmware/<name>` that devices download, `/releases/{v}/download`):
# they clear a route whose only sensitive word is `download`, which then names no one's data.
ARTIFACT_WORDS = frozenset({"firmware", "firmwares", "release", "releases", "installer", "installers", "ota",
                            "binary", "binaries", "changelog", "sdk", "plugin", "plugins", "static", "assets"})
ARTIFACT_ONLY_WORDS = frozenset({"download"})


def _words(route: ModelRoute) -> set[str]:
    """The words of the path and of the handler: its function, or a class view's class and method
    (`ExportUsersView.get`)."""
    path = route.fact["path"] or ""
    words = {w for segment in path.split("/") if segment and segment[0] not in "<{" for w in name_words(segment)}
    return words | {w for part in route.fact["handler"].split(".") for w in name_words(part)}


def _published_artifact(words: set[str], sensitive: set[str]) -> bool:
    """A download of what the project publishes (`download_firmware`, `/releases/{version}/download`), naming no
    one's data: `/users/{id}/firmware/download` or `/invoices/{id}/download` still do."""
    return sensitive <= ARTIFACT_ONLY_WORDS and bool(words & ARTIFACT_WORDS)


class SensitiveReadWithoutAuth(ProjectRule):
    """A route that returns personal data or fetches URLs for the caller, with no guard, in an app that has auth.

    ## What it does
    Reads the app model (see VC201) and reports routes that only read (GET and friends) whose path or
    handler name (a class view's class and method: `ExportUsersView.get`) is about people's data or fetches for the
    caller (`/users`, `/orders/{id}`, `/invoices`, `/teams/{id}/members`, `/directory`, `/devices/{id}/location`,
    `/bookings`, `/conversations/{id}`, `/orgs/{id}/invites`, `/export`, `/download`, `/me`, `/proxy`,
    `/fetch`...; a Graphene root resolver, `Query.resolve_users`; a Flask-AppBuilder `@expose("/contacts.csv")` method)
    when no guard protects them anywhere (their
    decorators, dependencies, router, blueprint hook, URLconf entry, DRF defaults) while other routes of
    the same app are guarded (a 401 or 403 a handler answers without reading anything of the caller, `return "Profile
    already exists", 403`, guards nothing; nor does a check of the signature a sender puts in a header or a link, a
    webhook's or a mailed link's, which signs no user in: an app whose only guards are those has no login to forget;
    a shared key, `X-Admin-Key`, does let an operator in). Routes open by design (`/login`, `/health`,
    `public-paths`, a path or handler named `public`: `public_document`; a download of what the project publishes,
    named by nothing else people's data is: `GET /firmware/<name>` in `download_firmware`, `/releases/{v}/download`,
    not `/invoices/{id}/download`), routes that only
    return values written in them (`return [{"plan": "free", "price": 0}]`: they read nobody's data), a POST that only
    renders what the request carries (VC201's answer-only POST, unless it reads stored records: a search form's POST is
    judged as a read) and routes
    marked with a `public-decorators` decorator are not reported; VC201 handles the routes that write.

    ## Why is this bad?
    An app that authenticates its writes but forgets one read hands out its users' e-mail addresses,
    orders or payment ids to anyone who guesses the URL (CWE-306, CWE-200). Agents add a quick listing or
    export endpoint late and copy the route decorator without the guard. A proxy or fetch endpoint
    without a guard lets anyone use the server to reach internal addresses.

    ## Example
    ```python
    from fastapi import Depends, FastAPI

    from .auth import get_current_user

    app = FastAPI()

    @app.post("/orders")
    def create_order(order: dict, user=Depends(get_current_user)):
        return save(order, user)

    @app.get("/orders")
    def list_orders():
        return all_orders()
    ```

    ## Use instead
    ```python
    from fastapi import Depends, FastAPI

    from .auth import get_current_user

    app = FastAPI()

    @app.post("/orders")
    def create_order(order: dict, user=Depends(get_current_user)):
        return save(order, user)

    @app.get("/orders")
    def list_orders(user=Depends(get_current_user)):
        return orders_of(user)
    ```

    ## Options
    The guard options of VC201 (`route-without-auth`): what counts as a guard, which paths are public.

    ## References
    - [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
    - [CWE-200: Exposure of Sensitive Information to an Unauthorized Actor](https://cwe.mitre.org/data/definitions/200.html)
    - [OWASP API Security Top 10 API2: Broken Authentication](https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/)
    """

    code = "VC219"
    reads_unchecked_test_facts = False  # the app model leaves test files out (apps built in tests are fixtures)
    name = "sensitive-read-without-auth"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.LOW
    cwe = (306, 200)
    Options = GuardOptions
    fact_collectors = (app_model_collector,)
    reads_facts = (APP_MODEL,)  # (not the inert functions: a POST that only answers renders nothing stored)

    def check_project(self, project: object) -> Iterator[Finding]:
        model = AppModel.build(project, drf_default_is_open=self.options.drf_default_is_open)
        for routes in model.apps().values():
            if not any(r.guarded_by and not (r.guarded_by == OWN_FILE_GUARD and (r.fact.get("status_only")
                                                                                 or r.fact.get("signed")))
                       for r in routes):
                continue  # an app that signs nobody in (a 403 answered for a conflict, a webhook's signature: no login)
            for route in routes:
                if route.fact.get("answer_only") and not route.fact.get("answer_reads") or route.needs_guard or route.guarded_by \
                        or route.fact.get("serves_constants") or not model.is_routed(route):
                    continue
                words = _words(route)
                sensitive = words & SENSITIVE_READ_WORDS
                if sensitive and not words & PUBLIC_WORDS and not _published_artifact(words, sensitive):
                    yield self._finding(route, sorted(sensitive)[0])

    def _finding(self, route: ModelRoute, word: str) -> Finding:
        start = Position(route.fact["line"], route.fact["column"])
        message = (f"{route.fact['label']} reads `{word}` data with no guard, while other routes of the app "
                   "require authentication.")
        hint = ("Add the app's auth guard to this route (the same `Depends`, decorator or permission class as its "
                "neighbours), or mark it deliberately public with a `public-decorators` decorator.")
        return Finding(code=self.code, name=self.name, message=message, location=Location(route.path, start, start),
                       severity=self.severity, confidence=self.confidence, category=self.category, hint=hint,
                       cwe=self.cwe, line_text=route.fact["text"])
