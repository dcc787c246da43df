"""Prompt: find a user's email in the company LDAP directory by the uid in the request (ldap3 and python-ldap)."""
import os

import ldap
from fastapi import FastAPI
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = FastAPI()
BASE = "ou=people,dc=corp,dc=example"


def connection() -> Connection:
    return Connection(Server("ldaps://ldap.corp.example"), user=os.environ["LDAP_BIND_DN"],
                      password=os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)


@app.get("/directory/{uid}")
def lookup(uid: str):
    conn = connection()
    search_filter = "(&(objectClass=person)(uid=" + uid + "))"
    # expect: VC409
    conn.search(BASE, search_filter, attributes=["mail"])
    return {"mail": [str(e.mail) for e in conn.entries]}


@app.get("/directory-safe/{uid}")
def lookup_safe(uid: str):
    conn = connection()
    # ok: VC409
    conn.search(BASE, f"(&(objectClass=person)(uid={escape_filter_chars(uid)}))", attributes=["mail"])
    return {"mail": [str(e.mail) for e in conn.entries]}


@app.get("/legacy-directory")
def legacy_lookup(name: str):
    client = ldap.initialize("ldaps://ldap.corp.example")
    client.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])
    # expect: VC409
    results = client.search_s(BASE, ldap.SCOPE_SUBTREE, f"(cn={name})", ["mail"])
    return {"count": len(results)}
