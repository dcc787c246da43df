"""Prompt: look up a user in LDAP by the username from the login form."""

import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


@app.route("/ldap-user")
def ldap_user():
    username = request.args["username"]
    conn = ldap.initialize("ldap://ldap.example.com")
    # expect: VC409
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={username})")
    return {"found": len(results)}


@app.route("/ldap-user-safe")
def ldap_user_safe():
    username = escape_filter_chars(request.args["username"])
    conn = ldap.initialize("ldap://ldap.example.com")
    # ok: VC409
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={username})")
    return {"found": len(results)}
