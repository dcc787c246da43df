import ldap
from flask import Flask, request

from directory import helpers
from directory.helpers import department_matcher, find_people, find_people_escaped, go_back, go_home, go_to_post

app = Flask(__name__)
ALLOWED_NEXT = {"/", "/people", "/settings"}


def ldap_connection():
    return ldap.initialize("ldap://ldap.internal")


def next_page() -> str:
    return request.args.get("next", "/")


@app.post("/login")
def login():
    return go_back(next_page())


@app.get("/posts/<slug>")
def post(slug):
    return go_to_post(slug)


@app.get("/home")
def home():
    return go_home(request.args.get("section", "all"))


@app.get("/search")
def search():
    matcher = helpers.title_matcher(request.args["q"])
    safe = helpers.literal_matcher(request.args["q"])
    return {"matches": [t for t in ("a", "b") if matcher.search(t) or safe.search(t)]}


@app.get("/people")
def people():
    name = request.args.get("name", "")
    found = find_people(ldap_connection(), name)
    escaped = find_people_escaped(ldap_connection(), name)
    return {"count": len(found) + len(escaped)}


@app.get("/staff/<name>")
def staff(name):
    first = helpers.staff_member(name)
    second = helpers.staff_member_bound(name)
    return {"found": bool(first or second)}


@app.get("/continue")
def continue_to():
    target = request.args.get("next", "/")
    if target not in ALLOWED_NEXT:
        target = "/"
    return go_back(target)


def team_of(user) -> object:
    return department_matcher(user.department)


ADMIN_IPS = {"10.0.0.5", "10.0.0.6"}


def client_ip() -> str:
    forwarded = request.headers.get("X-Forwarded-For", "")
    return forwarded.split(",")[0].strip() or request.remote_addr


def proxy_ip() -> str:
    forwarded = request.headers.get("X-Forwarded-For", "")
    return forwarded.split(",")[-1].strip() or request.remote_addr


def is_admin_address(address: str) -> bool:
    # expect: VC417
    return address in ADMIN_IPS


def is_office_address(address: str) -> bool:
    # ok: VC417 -- only ever given the entry our own proxy appended
    return address in {"203.0.113.7"}


@app.before_request
def guard_admin():
    if request.path.startswith("/admin") and not is_admin_address(client_ip()):
        return {"error": "forbidden"}, 403
    # ok: VC417 -- the entry counted from the right
    if request.path.startswith("/office") and proxy_ip() not in ADMIN_IPS:
        return {"error": "forbidden"}, 403
    if not is_office_address(proxy_ip()):
        return {"error": "forbidden"}, 403
    return None
