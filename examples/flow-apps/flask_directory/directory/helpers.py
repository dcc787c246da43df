import re

import ldap
from flask import redirect, url_for
from ldap.filter import escape_filter_chars
from lxml import etree

BASE_DN = "ou=people,dc=example,dc=com"
STAFF = etree.parse("staff.xml")


def go_back(target: str):
    # expect: VC417
    return redirect(target)


def go_to_post(slug: str):
    # ok: VC417 -- a fixed path prefix pins the host
    return redirect(f"/posts/{slug}")


def go_home(section: str):
    # ok: VC417 -- url_for builds the address
    return redirect(url_for("index", section=section))


def title_matcher(pattern: str):
    # expect: VC417
    return re.compile(pattern, re.IGNORECASE)


def literal_matcher(term: str):
    # ok: VC417 -- escaped first
    return re.compile(re.escape(term), re.IGNORECASE)


def find_people(conn, name: str):
    # expect: VC417
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(cn={name})")


def find_people_escaped(conn, name: str):
    # ok: VC417 -- escaped for an LDAP filter
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(cn={escape_filter_chars(name)})")


def staff_member(name: str):
    # expect: VC417
    return STAFF.xpath(f"//person[@name='{name}']")


def staff_member_bound(name: str):
    # ok: VC417 -- passed as an XPath variable
    return STAFF.xpath("//person[@name=$name]", name=name)


def department_matcher(department: str):
    # ok: VC417 -- only ever called with the department of a signed-in user's record
    return re.compile(department)
