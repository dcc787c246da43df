"""VC409 corpus: client input reaching redirects, headers, logs, XPath, LDAP, regexes and upload paths."""
import hashlib
import hmac
import logging
import os
import re
from email.message import EmailMessage
from urllib.parse import urlparse, urlsplit

import ldap
import pandas as pd
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from flask import Flask, abort, make_response, redirect, request, url_for
from ldap.filter import escape_filter_chars
from lxml import etree
from pymongo import MongoClient
from slack_bolt import App as SlackApp
from starlette.datastructures import URL
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
logger = logging.getLogger(__name__)
UPLOAD_DIR = "/srv/uploads"
LOG_FILE = "logs.txt"
_send_to = HttpResponseRedirect


@app.get("/next")
def open_redirect():
    target = request.args.get("next")
    destination = target or url_for("index")
    # expect: VC409
    return redirect(destination)


@api.get("/go")
async def fastapi_redirect(url: str):
    # expect: VC409
    return RedirectResponse(url)


@app.post("/import")
def import_form_again():
    if "sheet" not in request.files:
        # ok: VC409 -- back to the page the client is on, on the host it asked: no other site
        return redirect(request.url)
    return redirect(url_for("index"))


@api.post("/reload")
async def reload_page(request: Request):
    # ok: VC409 -- Starlette's `request.url` is the absolute URL of this request
    return RedirectResponse(str(request.url), status_code=303)


@app.before_request
def force_https():
    if request.url.startswith("http://"):
        url = request.url.replace("http://", "https://", 1)
        # ok: VC409 -- the page the client is on, its scheme changed by the code: the host stays
        return redirect(url, code=301)
    return None


@api.middleware("http")
async def https_only(request: Request, call_next):
    if request.url.scheme == "http":
        # ok: VC409 -- Starlette's URL with the scheme the code picks
        return RedirectResponse(str(request.url.replace(scheme="https")), status_code=307)
    return await call_next(request)


@app.get("/switch")
def switch_host():
    # expect: VC409 -- the client picks what the copy of the URL gets instead
    return redirect(request.url.replace("http://", request.args["to"], 1))


@app.get("/switch-path")
def switch_path():
    # expect: VC409 -- a path alone, its scheme text replaced, can still be `//elsewhere.example`
    return redirect(request.path.replace("/old/", "/new/", 1))


@api.get("/items")
async def list_items(request: Request, page: int = 1):
    if page > 10:
        # ok: VC409 -- the request's own URL, given a query parameter: the host stays the one the browser asked
        return RedirectResponse(request.url.include_query_params(page=10), status_code=302)
    here = request.url
    if page < 1:
        # ok: VC409 -- the same, through a name
        return RedirectResponse(str(here.replace_query_params(page=1)), status_code=302)
    if page == 5:
        here = request.query_params.get("back", "/")
    # expect: VC409 -- in one branch the name holds the client's text, given a query parameter here
    return RedirectResponse(str(here.include_query_params(page=1)), status_code=302)


@api.post("/items/add")
async def add_item(request: Request):
    form = await request.form()
    target: str = str(request.url_for("items"))
    if form.get("_continue") is not None:
        target = request.url_for("item", pk=1)
    elif form.get("_add_another") is not None:
        target = request.url
    elif form.get("_back") is not None:
        target = request.url_for("items").include_query_params(origin=request.query_params["origin"])
    # ok: VC409 -- every binding of `target` is a fixed route or the URL this request came to
    return RedirectResponse(target, status_code=303)


@api.get("/login/done")
async def after_login(request: Request):
    # expect: VC409
    return RedirectResponse(URL(request.query_params["next"]).include_query_params(welcome=1))


@api.get("/logout/done")
async def after_logout(request: Request):
    back = URL(url=request.query_params.get("back", "/"))
    # expect: VC409
    return RedirectResponse(str(back.replace(fragment="")), status_code=303)


@api.get("/lang")
async def switch_language(request: Request):
    # ok: VC409 -- `URL(scope=...)` is the URL of this request; the parameter is percent-encoded into its query
    return RedirectResponse(URL(scope=request.scope).include_query_params(lang=request.query_params["lang"]))


@app.post("/sheet")
def upload_sheet():
    back = str(request.base_url)
    if "sheet" not in request.files:
        # ok: VC409 -- the request's own absolute URL, through a name
        return redirect(back)
    return redirect(url_for("index"))


@app.post("/sheet/next")
def upload_sheet_then_next():
    if request.form.get("again"):
        back = request.url
    else:
        back = request.args.get("next", "/")
    # expect: VC409
    return redirect(back)


@app.post("/sheet/path")
def upload_sheet_to_path():
    back = request.url
    if request.form.get("list"):
        back = request.path
    # expect: VC409
    return redirect(back)


@app.post("/sheet/tab")
def upload_sheet_to_tab():
    back = request.url
    back += request.args["tab"]
    # expect: VC409
    return redirect(back)


@app.post("/sheet/<path:back>")
def upload_sheet_back(back):
    if not back:
        back = request.url
    # expect: VC409
    return redirect(back)


@app.post("/sheet/loop")
def upload_sheet_loop():
    back = request.url
    for back in request.args.getlist("next"):
        pass
    # expect: VC409
    return redirect(back)


@app.get("/bounce")
def bounce_to_own_path():
    # expect: VC409 -- a path alone can be `//elsewhere.example`, which the browser reads as another host
    return redirect(request.path)


@app.get("/back")
def back_to_referrer():
    # expect: VC409 -- the Referer header is whatever the client sends
    return redirect(request.referrer)


def django_redirect(request):
    # expect: VC409
    return HttpResponseRedirect(request.GET["return_to"])


def django_location_header(request):
    response = HttpResponse(status=302)
    # expect: VC409 -- the `Location` item of a Django response is a redirect
    response["Location"] = request.GET.get("continue", "/")
    return response


@app.get("/moved")
def flask_location_header():
    destination = request.args["to"]
    response = make_response("moved", 301)
    # expect: VC409 -- an open redirect, not only a header
    response.headers["Location"] = destination
    return response


def django_cookie_item(request):
    response = HttpResponse(b"data")
    # expect: VC409 -- the client writes the cookie header
    response["Set-Cookie"] = f"theme={request.GET['theme']}"
    return response


def mail_part_type(request):
    part = EmailMessage()
    # ok: VC409 -- a MIME part's header, not the response's
    part["Content-Type"] = request.GET.get("type", "text/plain")
    return HttpResponse(part.as_string())


def django_fixed_host_location(request):
    response = HttpResponse(status=302)
    # ok: VC409 -- the host is fixed; the client picks only the path
    response["Location"] = f"https://docs.example.com/{request.GET['page']}"
    return response


def django_checked_location(request):
    target = request.GET.get("continue", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponse(status=302)
    # ok: VC409 -- checked against the site's own host
    response["Location"] = target
    return response


def cached_lookup(request):
    seen = {}
    # ok: VC409 -- a dict of the program's own, keyed by a word that is no header name
    seen["location_hint"] = request.GET.get("q", "")
    return HttpResponse(str(len(seen)))


@app.get("/continue-to")
def scheme_only_regex():
    destination = request.args.get("to", "/")
    if re.match(r"^(http|https)://", destination):
        # expect: VC409 -- the pattern pins the scheme, any host passes
        return redirect(destination)
    return redirect("/")


@app.get("/docs-link")
def host_pinned_regex():
    destination = request.args.get("to", "/")
    if re.fullmatch(r"https://docs\.example\.com/[a-z0-9/-]*", destination):
        # ok: VC409 -- the pattern pins the host and what may follow it
        return redirect(destination)
    return redirect("/")


@app.get("/lang")
def header_injection():
    response = make_response("ok")
    language = request.args["lang"]
    # expect: VC409
    response.headers["Content-Language"] = language
    return response


@app.get("/download-name")
def header_in_make_response():
    name = request.args["name"]
    # expect: VC409
    return make_response("data", 200, {"Content-Disposition": f"attachment; filename={name}"})


@app.post("/login")
def log_injection():
    username = request.form["username"]
    # expect: VC409
    logger.warning(f"failed login for {username}")


@app.post("/search")
def xpath_injection():
    tree = etree.parse("users.xml")
    name = request.form["name"]
    query = "//user[@name='" + name + "']"
    # expect: VC409
    return tree.xpath(query)


@app.get("/directory")
def ldap_injection():
    connection = ldap.initialize("ldap://ldap.example.com")
    uid = request.args["uid"]
    # expect: VC409
    return connection.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, f"(uid={uid})")


@app.get("/grep")
def regex_injection():
    pattern = request.args["pattern"]
    # expect: VC409
    matcher = re.compile(pattern)
    return str(matcher.pattern)


@app.post("/upload")
def upload_with_client_name():
    uploaded = request.files["file"]
    # expect: VC409
    uploaded.save(os.path.join(UPLOAD_DIR, uploaded.filename))
    return "saved"


@app.get("/safe-next")
def relative_redirect_only():
    target = request.args.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    # ok: VC409
    return redirect(target)


@app.get("/home")
def redirect_with_url_for():
    # ok: VC409
    return redirect(url_for("profile", tab=request.args.get("tab")))


@app.post("/login-safe")
def log_with_repr():
    username = request.form["username"]
    # ok: VC409
    logger.warning("failed login for %r", username)


@app.get("/headers-logged")
def log_containers_and_reprs():
    agent = request.headers.get("User-Agent", "")
    # ok: VC409
    logger.info("headers: %s", dict(request.headers))
    # ok: VC409
    logger.info("%s from %r", "login", agent)
    # ok: VC409
    logger.info(f"agent {agent!r}, arguments {sorted(request.args)}")
    # ok: VC409
    logger.info("tags %s" % ([agent],))
    # expect: VC409
    logger.info("%r from %s", request.path, agent)
    return "ok"


@app.get("/pages-logged")
def log_converted_arguments():
    # ok: VC409 -- the getter hands back an int: no newline can come through
    logger.info("page %s", request.args.get("page", 1, type=int))
    ids = request.args.getlist("id", type=int)
    # ok: VC409
    logger.info("ids %s", ids)
    # expect: VC409 -- `type=str` keeps the text as sent
    logger.info("sort %s", request.args.get("sort", type=str))
    return "ok"


@app.get("/unmatched")
def log_rebuilt_url():
    # ok: VC409 -- the framework rebuilds the URL percent-encoded: a newline arrives as `%0A`
    logger.debug("no route matched for url %s" % request.url)
    # expect: VC409 -- the decoded path can hold a newline
    logger.debug("no route matched for path %s" % request.path)
    return "not found", 404


@app.get("/headers-kept")
def log_containers_kept_in_names():
    headers = dict(request.headers)
    # ok: VC409 -- a dict kept in a name is still written by its items' repr
    logger.info("headers: %s", headers)
    agent = request.headers.get("User-Agent", "")
    seen = [agent]
    # ok: VC409
    logger.debug("seen %s", seen)
    seen = agent
    # expect: VC409 -- rebound to the raw value
    logger.debug("seen %s", seen)
    return "ok"


@app.post("/login-stripped")
def log_stripped():
    username = request.form["username"].replace("\n", "").replace("\r", "")
    # ok: VC409
    logger.info("login by %s", username)


@app.get("/grep-escaped")
def regex_escaped():
    term = re.escape(request.args["term"])
    # ok: VC409
    return str(re.search(term, "haystack"))


@app.get("/directory-escaped")
def ldap_escaped():
    connection = ldap.initialize("ldap://ldap.example.com")
    uid = escape_filter_chars(request.args["uid"])
    # ok: VC409
    return connection.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, f"(uid={uid})")


@app.post("/upload-safe")
def upload_secure_name():
    uploaded = request.files["file"]
    name = secure_filename(uploaded.filename)
    # ok: VC409
    uploaded.save(os.path.join(UPLOAD_DIR, name))
    return "saved"


@app.post("/search-vars")
def xpath_with_variables():
    tree = etree.parse("users.xml")
    # ok: VC409
    return tree.xpath("//user[@name=$name]", name=request.form["name"])


@app.get("/static-header")
def constant_header():
    response = make_response("ok")
    # ok: VC409
    response.headers["Cache-Control"] = "no-store"
    return response


def log_parameter_outside_view(value):
    # ok: VC409
    logger.info("value %s", value)


def django_article(request, slug):
    # expect: VC409
    logger.info("article requested: " + slug)
    return HttpResponseRedirect("/articles/" + slug)


def django_typed_next(request, next_url: str, page: int | None = None):
    # expect: VC409 -- a capture typed as a converter's `str`
    return HttpResponseRedirect(next_url)


def complete_login(request, sociallogin: SocialLogin) -> HttpResponseRedirect:
    # ok: VC409 -- typed as a class: an object the caller passed, no URL capture
    return HttpResponseRedirect(sociallogin.state["next"])


def _set_cache_headers(request, response, etag):
    if request.method in ("GET", "HEAD"):
        # ok: VC409
        response.headers.setdefault("ETag", etag)
    return response


def response_for_exception(request, exc):
    # ok: VC409
    logger.error(str(exc), extra={"status_code": 400})


@app.get("/articles/<slug>")
def article_moved(slug):
    # ok: VC409
    return redirect(f"/blog/{slug}")


@app.get("/search")
def search_moved():
    # ok: VC409
    return redirect("https://search.example.com/?q=" + request.args["q"])


@app.get("/bounce")
def bounce():
    # expect: VC409
    return redirect("/" + request.args["to"])


DATE_FORMATS = (re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{2}/\d{2}/\d{4}"))


@app.get("/date")
def date_matched_by_compiled_patterns():
    for regex in DATE_FORMATS:
        # ok: VC409 -- `regex` is a compiled pattern here, matching the client's text
        if regex.match(request.args["date"]):
            return "ok"
    return "bad"


@app.get("/moved")
def moved_keeping_the_query():
    target = url_for("articles")
    query = request.query_string.decode()
    if query:
        target = "%s?%s" % (target, query)
    # ok: VC409 -- the client's text is only the query string of a URL of ours
    return redirect(target)


@app.get("/moved-f")
def moved_f_string():
    # ok: VC409
    return redirect(f"{url_for('articles')}?page={request.args['page']}")


@app.get("/moved-client-base")
def moved_to_client_base():
    base = request.args["base"]
    # expect: VC409
    return redirect("%s?%s" % (base, request.query_string.decode()))


@app.get("/log-query")
def log_request_line():
    # expect: VC409
    app.logger.info("GET %s?%s" % (request.path, request.args["q"]))
    return "ok"


@app.get("/scheme-checked")
def scheme_substring_before_redirect():
    url = request.args["url"]
    if "http://" in url or "https://" in url:
        # expect: VC409 -- any host passes a substring test
        return redirect(url)
    return redirect("/")


ALLOWED_REDIRECTS = {"/account", "/orders"}


@app.get("/listed")
def allow_listed_redirect():
    target = request.args.get("next", "/")
    if target not in ALLOWED_REDIRECTS:
        target = "/"
    # ok: VC409
    return redirect(target)


# Patterns built from client input, past `re`: a regex lookup the database runs, a MongoDB `$regex`, pandas'
# string methods that read their argument as a regex; and joined alternatives.
mongo = MongoClient()["app"]
WORDS = ["alpha", "beta"]


class Article:
    objects = None


def django_regex_lookup(request):
    q = request.GET.get("q", "")
    # expect: VC409
    return Article.objects.filter(title__iregex=q)


def django_contains_lookup(request):
    q = request.GET.get("q", "")
    # ok: VC409
    return Article.objects.filter(title__icontains=q)


@app.get("/mongo/search")
def mongo_regex():
    q = request.args["q"]
    # expect: VC409
    return list(mongo.users.find({"name": {"$regex": q, "$options": "i"}}))


@app.get("/mongo/escaped")
def mongo_escaped_regex():
    q = request.args["q"]
    # ok: VC409
    return list(mongo.users.find({"name": {"$regex": re.escape(q), "$options": "i"}}))


@app.get("/mongo/prefix")
def mongo_constant_regex():
    # ok: VC409
    return list(mongo.users.find({"name": {"$regex": "^admin"}, "team": request.args["team"]}))


@app.get("/frame/contains")
def frame_contains():
    df = pd.read_csv("items.csv")
    # expect: VC409
    return df[df["name"].str.contains(request.args["term"], case=False)].to_json()


@app.get("/frame/literal")
def frame_contains_literal():
    df = pd.read_csv("items.csv")
    # ok: VC409
    return df[df["name"].str.contains(request.args["term"], regex=False)].to_json()


@app.get("/frame/replace")
def frame_replace():
    df = pd.read_csv("items.csv")
    # ok: VC409 -- pandas replaces plain text unless told `regex=True`
    return df["name"].str.replace(request.args["term"], "").to_json()


@app.get("/frame/replace-regex")
def frame_replace_regex():
    df = pd.read_csv("items.csv")
    # expect: VC409
    return df["name"].str.replace(request.args["term"], "", regex=True).to_json()


@app.post("/words")
def joined_alternatives():
    words = request.get_json()["words"]
    # expect: VC409
    alternation = re.compile("|".join(words))
    return [w for w in WORDS if alternation.search(w)]


@app.post("/words/escaped")
def joined_escaped_alternatives():
    words = request.get_json()["words"]
    # ok: VC409
    alternation = re.compile("|".join(re.escape(w) for w in words))
    return [w for w in WORDS if alternation.search(w)]


def next_page_verdict(request):
    redirect_to = request.POST.get("next", request.GET.get("next"))
    url_is_safe = url_has_allowed_host_and_scheme(url=redirect_to, allowed_hosts={request.get_host()})
    # ok: VC409 -- the validator's verdict, kept in a name, picks the branch
    return HttpResponseRedirect(redirect_to if url_is_safe else "/")


def next_page_lookup(request):
    redirect_to = request.GET.get("next", "/")
    known = lookup_page(redirect_to)
    # expect: VC409 -- finding a page says nothing about where the URL points
    return HttpResponseRedirect(redirect_to if known else "/")


slack = SlackApp(token=os.environ.get("SLACK_BOT_TOKEN"))


@slack.event("app_mention")
def on_mention(event, say):
    # ok: VC409 -- `event["user"]` and `event["channel"]` are ids Slack assigns
    logger.info(f"mention from {event['user']} in {event['channel']}")
    # expect: VC409 -- the message text is whatever the sender typed
    logger.info(f"mention text: {event['text']}")
    say("on it")


@slack.command("/deploy")
def on_deploy(ack, command, respond):
    ack()
    # ok: VC409
    logger.info("deploy requested by %s", command["user_id"])
    # expect: VC409
    logger.warning("deploy target %s", command["text"])


WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET", "").encode()


def payload_signature(secret, body):
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


@app.post("/hooks/partner")
def partner_hook():
    body = request.get_data()
    # expect: VC409 -- not verified yet: anyone can post this
    logger.info("partner event: %s", body)
    expected = payload_signature(WEBHOOK_SECRET, body)
    if request.headers.get("X-Signature") != expected:
        abort(401)
    # ok: VC409 -- the body passed the provider's signature check above
    logger.info("partner event verified: %s", body)


@app.post("/hooks/billing")
def billing_hook():
    raw = request.get_data()
    digest = hmac.new(WEBHOOK_SECRET, raw, hashlib.sha256).hexdigest()
    if hmac.compare_digest(digest, request.headers.get("X-Hub-Signature-256", "")):
        # ok: VC409 -- only a signed body gets here
        logger.info("billing event: %s", raw)
    # expect: VC409 -- the unsigned body also gets here
    logger.info("billing hook done: %s", raw)


@app.post("/hooks/mirror")
def mirror_hook():
    raw = request.get_data()
    checksum = hashlib.sha256(raw).hexdigest()
    if request.headers.get("X-Checksum") != checksum:
        abort(400)
    # expect: VC409 -- a bare hash is no signature: the client computes it for any body
    logger.info("mirror event: %s", raw)


SEEN_DIGESTS = set()


@app.post("/hooks/replay")
def replay_hook():
    raw = request.get_data()
    digest = hmac.new(WEBHOOK_SECRET, raw, hashlib.sha256).hexdigest()
    if digest in SEEN_DIGESTS:
        abort(409)
    # expect: VC409 -- a signature looked up among those seen: nothing compared it with what the sender signed
    logger.info("replayed event: %s", raw)


@app.post("/log")
def append_to_own_log_file():
    message = request.get_json()["message"]
    with open(LOG_FILE, "a") as handle:
        # expect: VC409 -- a line of the app's own log file, written with the client's newlines
        handle.write(f"[entry] {message}\n")


@app.post("/audit")
def print_to_audit_file():
    actor = request.form["actor"]
    audit = open("/var/app/audit.log", mode="a", encoding="utf-8")
    # expect: VC409
    print("action by", actor, file=audit)
    audit.close()


@app.post("/log/clean")
def append_with_newlines_removed():
    message = request.get_json()["message"].replace("\r", " ").replace("\n", " ")
    with open(LOG_FILE, "a") as handle:
        # ok: VC409 -- the newlines are gone
        handle.write(f"[entry] {message}\n")


@app.post("/notes")
def append_to_a_notes_file():
    note = request.get_json()["note"]
    with open("notes.txt", "a") as handle:
        # ok: VC409 -- a data file, not a log: its lines are the client's own
        handle.write(note + "\n")


@app.get("/log/replay")
def rewrite_log_file():
    label = request.args["label"]
    with open(LOG_FILE, "w") as handle:
        # ok: VC409 -- written afresh, not appended to: a report, not a log
        handle.write(label)


@app.get("/partner-link")
def parsed_host_checked():
    target = request.args.get("to", "/")
    parts = urlparse(target)
    if parts.scheme == "https" and parts.hostname == "partner.example.com":
        # ok: VC409 -- the parsed URL's host is compared exactly
        return redirect(target)
    return redirect("/")


@app.get("/partner-host")
def parsed_host_name_checked():
    target = request.args.get("to", "/")
    host = urlsplit(target).netloc
    if host not in {"partner.example.com", "docs.example.com"}:
        abort(400)
    # ok: VC409 -- the host was checked against an allow-list
    return redirect(target)


@app.get("/partner-scheme")
def parsed_scheme_only():
    target = request.args.get("to", "/")
    parts = urlparse(target)
    if parts.scheme == "https":
        # expect: VC409 -- the scheme is checked, any host passes
        return redirect(target)
    return redirect("/")


@app.get("/partner-rebound")
def parsed_then_rebound():
    target = request.args.get("to", "/")
    parts = urlparse("https://partner.example.com/")
    parts = urlparse(request.args.get("base", "/"))
    if parts.hostname == "partner.example.com":
        # expect: VC409 -- the host checked is another URL's
        return redirect(target)
    return redirect("/")


@app.route("/alias-next")
def next_page_through_an_alias():
    go = redirect
    # expect: VC409 -- `go` is `flask.redirect`
    return go(request.args["next"])


@app.route("/alias-back")
def back_through_the_module_alias():
    # expect: VC409 -- the module's `_send_to` is Django's redirect response
    return _send_to(request.GET["back"])


@app.route("/alias-home")
def home_through_an_alias():
    go = redirect
    # ok: VC409 -- the address is the app's own
    return go(url_for("index"))


@app.route("/alias-chosen")
def chosen_responder(go=make_response):
    # ok: VC409 -- `go` is a parameter, whatever the caller passes
    return go(request.args["next"])
