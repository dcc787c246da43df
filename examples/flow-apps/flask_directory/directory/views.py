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
