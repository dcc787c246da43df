"""VC419 corpus: forwarding headers that decide access or key a rate limit fire; the proxy's own entry does not."""
import ipaddress

from django.http import HttpResponseForbidden
from fastapi import FastAPI, Request
from flask import Flask, abort, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

site = Flask(__name__)
api = FastAPI()
ADMIN_IPS = {"10.0.0.5", "10.0.0.6"}
OFFICE_NETWORK = ipaddress.ip_network("203.0.113.0/24")
TRUSTED_PROXIES = 1


@site.get("/admin/panel")
def admin_panel_from_office():
    client_ip = request.headers.get("X-Forwarded-For", request.remote_addr).split(",")[0].strip()
    # expect: VC419
    if request.path.startswith("/admin") and client_ip not in ADMIN_IPS:
        abort(403)


@site.get("/internal/metrics")
def internal_metrics():
    real_ip = request.headers["X-Real-IP"]
    # expect: VC419
    if real_ip != "127.0.0.1":
        abort(403)
    return "ok"


def office_only(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    address = ipaddress.ip_address(forwarded.split(",")[0])
    # expect: VC419
    if address not in OFFICE_NETWORK:
        return HttpResponseForbidden()
    return None


@api.get("/debug")
async def debug(request: Request):
    ip = request.headers.get("x-forwarded-for")
    # expect: VC419
    if not ip.startswith("10."):
        return {"error": "forbidden"}
    return {"debug": True}


@site.get("/route")
def first_hop():
    # expect: VC419
    if request.access_route[0] in ADMIN_IPS:
        return "admin"
    return "user"


def client_address():
    return request.headers.get("X-Forwarded-For", request.remote_addr)


# expect: VC419
limiter = Limiter(key_func=client_address, app=site)

# expect: VC419
login_limiter = Limiter(app=site, key_func=lambda: request.headers.get("X-Real-IP") or get_remote_address())


def is_banned(banned):
    ip = request.environ.get("HTTP_X_FORWARDED_FOR")
    # expect: VC419
    return ip in banned


def proxy_entry_from_the_right():
    hops = request.headers.get("X-Forwarded-For", "").split(",")
    client_ip = hops[-TRUSTED_PROXIES].strip()
    # ok: VC419 -- counted from the right: the entry our own proxy appended
    if client_ip not in ADMIN_IPS:
        abort(403)


TRUSTED_PROXIES = {"10.0.0.2", "10.0.0.3"}


def client_behind_trusted_proxies():
    peer = request.remote_addr
    forwarded = request.headers.get("X-Forwarded-For", "")
    if forwarded and peer in TRUSTED_PROXIES:
        for hop in reversed([part.strip() for part in forwarded.split(",")]):
            # ok: VC419 -- walked from the right past our own proxies: the first hop they saw
            if hop not in TRUSTED_PROXIES:
                return hop
    return peer


def first_hop_trusted():
    hops = request.headers.get("X-Forwarded-For", "").split(",")
    for hop in hops:
        # expect: VC419 -- walked from the left: the client writes these entries
        if hop.strip() not in TRUSTED_PROXIES:
            return hop.strip()
    return request.remote_addr


def server_seen_address():
    # ok: VC419
    if request.remote_addr not in ADMIN_IPS:
        abort(403)


def only_logged(logger):
    ip = request.headers.get("X-Forwarded-For")
    # ok: VC419 -- recorded, not trusted
    logger.info("request from %s", ip)


def header_present_check():
    forwarded = request.headers.get("X-Forwarded-For")
    # ok: VC419 -- whether the header is there, not what it says
    if forwarded is None:
        return request.remote_addr
    # ok: VC419
    if forwarded == "":
        return request.remote_addr
    return forwarded


def other_header_compared():
    agent = request.headers.get("User-Agent", "")
    # ok: VC419
    if agent in {"curl/8.0", "bot"}:
        abort(403)


# ok: VC419
safe_limiter = Limiter(key_func=get_remote_address, app=site)


def plain_key_function():
    return request.remote_addr


# ok: VC419
other_limiter = Limiter(key_func=plain_key_function, app=site)


def compared_address_of_the_server(settings):
    # ok: VC419
    if settings.BIND_ADDRESS in ADMIN_IPS:
        return True
    return False


def forwarded_proto_is_not_an_address():
    proto = request.headers.get("X-Forwarded-Proto", "http")
    # ok: VC419
    if proto != "https":
        return "redirect"
    return "ok"


failed_logins: dict[str, int] = {}
visits: dict[str, int] = {}


@api.post("/login")
async def login_with_lockout(request: Request):
    ip = request.headers.get("x-forwarded-for", "").split(",")[0].strip()
    # expect: VC419 -- a hand-rolled limiter keyed on the address the client wrote
    if failed_logins.get(ip, 0) >= 5 or failed_logins[ip] > 10:
        return {"error": "locked"}
    # ok: VC419 -- a visit counter limits nothing
    visits[ip] = visits.get(ip, 0) + 1
    # ok: VC419 -- the address the server saw
    failed_logins[request.client.host] = 0
    return {"ok": True}


def remote_addr_for_the_audit_log():
    address = request.headers.get("X-Forwarded-For", "").split(",")[0]
    # ok: VC419 -- the address's form (IPv4 with a port), to strip the port: nothing is allowed or refused
    if "." in address and ":" in address:
        address = address.split(":")[0]
    # ok: VC419 -- an IPv6 address in brackets
    elif address.startswith("["):
        address = address[1:].split("]")[0]
    return address


def private_prefix_still_decides():
    address = request.headers.get("X-Forwarded-For", "").split(",")[0]
    # expect: VC419 -- a prefix of a network is an address rule, whatever the punctuation beside it
    if address.startswith("192.168."):
        return "internal"
    # expect: VC419 -- a substring with digits names addresses
    if "10.0." in address:
        return "internal"
    return "external"
