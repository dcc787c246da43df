"""VC210 corpus: weakened session/auth cookies fire; hardened ones, other cookies and dev config do not."""
from fastapi import FastAPI
from flask import Flask, make_response
from starlette.middleware.sessions import SessionMiddleware

api = FastAPI()

app = Flask(__name__)

# expect: VC210
SESSION_COOKIE_SECURE = False

# expect: VC210
SESSION_COOKIE_HTTPONLY = False

# expect: VC210
CSRF_COOKIE_SECURE = False

# expect: VC210
app.config["SESSION_COOKIE_SAMESITE"] = None

app.config.update(
    # expect: VC210
    REMEMBER_COOKIE_SECURE=False,
    SESSION_COOKIE_NAME="shop_session",
)


# expect: VC210
app.config.from_mapping({"SESSION_COOKIE_HTTPONLY": False})


class ProductionConfig:
    # expect: VC210
    JWT_COOKIE_SECURE = False


def login(user, token):
    response = make_response("ok")
    # expect: VC210
    response.set_cookie("access_token", token)
    return response


def login_httponly_only(response, token):
    # expect: VC210
    response.set_cookie(key="session", value=token, httponly=True)


def login_secure_false(response, jwt):
    # expect: VC210
    response.set_cookie("auth", jwt, secure=False, httponly=True)


def cross_site(response, sid):
    # expect: VC210
    response.set_cookie("sid", sid, secure=True, httponly=True, samesite="None")


def cookie_named_by_value(response, refresh_token):
    # expect: VC210
    response.set_cookie("rt", refresh_token, max_age=3600)


def csrf_cookie_without_secure(response, value):
    # expect: VC210
    response.set_cookie("csrf_token", value, httponly=False)


# ok: VC210
SESSION_COOKIE_SECURE = True

# ok: VC210
SESSION_COOKIE_SAMESITE = "Lax"

# ok: VC210
CSRF_COOKIE_HTTPONLY = False


class DevelopmentConfig:
    # ok: VC210
    SESSION_COOKIE_SECURE = False


def hardened(response, token):
    # ok: VC210
    response.set_cookie("access_token", token, secure=True, httponly=True, samesite="Strict")


def preference_cookie(response):
    # ok: VC210
    response.set_cookie("theme", "dark")


def csrf_cookie_readable_by_js(response, value):
    # ok: VC210
    response.set_cookie("XSRF-TOKEN", value, secure=True, samesite="Lax")


def secure_from_config(response, token):
    # ok: VC210
    response.set_cookie("session", token, secure=app.config["SECURE"], httponly=True)


def forwarded_options(response, token, **options):
    # ok: VC210
    response.set_cookie("session", token, **options)


# ok: VC210
DEFAULT_CONFIG = {"SESSION_COOKIE_SECURE": False, "SESSION_COOKIE_SAMESITE": None}


# expect: VC210
api.add_middleware(SessionMiddleware, secret_key=SESSION_SECRET)

# expect: VC210
api.add_middleware(SessionMiddleware, secret_key=SESSION_SECRET, https_only=True, same_site="none")

# ok: VC210
api.add_middleware(SessionMiddleware, secret_key=SESSION_SECRET, https_only=True)


def raw_header_fstring(response, token):
    # expect: VC210
    response.headers["Set-Cookie"] = f"session={token}; Path=/"
    return response


def raw_header_concatenated_missing_secure(response, token):
    # expect: VC210
    response.headers.add("Set-Cookie", "auth_token=" + token + "; HttpOnly; Path=/")
    return response


def raw_header_lower_case_name(response, token):
    # expect: VC210
    response.headers["set-cookie"] = f"jwt={token}; Secure"
    return response


def raw_header_in_a_response_dict(token):
    from starlette.responses import Response

    # expect: VC210
    return Response("ok", headers={"Set-Cookie": f"refresh_token={token}; Path=/auth"})


def raw_header_wsgi_pair(start_response, sid):
    # expect: VC210
    start_response("200 OK", [("Content-Type", "text/plain"), ("Set-Cookie", f"sessionid={sid}")])
    return [b"ok"]


def raw_header_tornado(handler, token):
    # expect: VC210
    handler.add_header("Set-Cookie", f"access_token={token}; Path=/; HttpOnly")


def raw_header_samesite_none(response, token):
    # expect: VC210
    response.headers["Set-Cookie"] = f"session={token}; Secure; HttpOnly; SameSite=None"
    return response


def raw_header_literal(response):
    # expect: VC210
    response.headers.append("Set-Cookie", "remember_token=yes; Path=/")
    return response


def raw_header_all_flags(response, token):
    # ok: VC210
    response.headers["Set-Cookie"] = f"session={token}; Path=/; Secure; HttpOnly; SameSite=Lax"
    return response


def raw_header_flags_in_other_case(response, token):
    # ok: VC210
    response.headers.add("Set-Cookie", "auth_token=" + token + "; secure; httponly")
    return response


def raw_header_not_an_auth_cookie(response, theme):
    # ok: VC210
    response.headers["Set-Cookie"] = f"theme={theme}; Path=/"
    return response


def raw_header_csrf_cookie_readable_by_scripts(response, value):
    # ok: VC210 -- the double-submit CSRF cookie must be readable by JavaScript
    response.headers["Set-Cookie"] = f"csrftoken={value}; Secure; SameSite=Strict"
    return response


def raw_header_name_from_a_variable(response, name, value):
    # ok: VC210 -- the cookie's name is not written out
    response.headers["Set-Cookie"] = f"{name}={value}"
    return response


def other_headers(response, token):
    # ok: VC210
    response.headers["X-Session-Token"] = f"session={token}"
    return response


def header_passed_through(response, cookie_line):
    # ok: VC210 -- built elsewhere
    response.headers["Set-Cookie"] = cookie_line
    return response


def request_cookie_header(session, token):
    # ok: VC210 -- the request's `Cookie` header, sent by a client
    return session.get("https://api.example.com/", headers={"Cookie": f"session={token}"}, timeout=5)


def preference_cookie_over_plain_http(response):
    # expect: VC210
    response.set_cookie("theme", "dark", secure=False)


def cart_cookie_over_plain_http(response, cart_id):
    # expect: VC210
    response.set_cookie(key="cart", value=cart_id, max_age=86400, secure=False, httponly=True)


def named_cookie_over_plain_http(response, name, value):
    # expect: VC210
    response.set_signed_cookie(name, value, secure=False)


def preference_cookie_readable_by_scripts(response):
    # ok: VC210 -- a preference the page's scripts read; nothing to steal
    response.set_cookie("theme", "dark", httponly=False)


def language_cookie(response, language):
    # ok: VC210
    response.set_cookie("lang", language, max_age=31536000)


def preference_cookie_secure_from_request(request, response):
    # ok: VC210 -- decided by the request's scheme, not switched off
    response.set_cookie("theme", "dark", secure=request.is_secure())


from pyramid.authentication import AuthTktCookieHelper
from pyramid.session import SignedCookieSessionFactory


def pyramid_main(settings):
    # expect: VC210 -- both flags default to off
    sessions = SignedCookieSessionFactory(settings["session.secret"])
    # expect: VC210
    tickets = AuthTktCookieHelper(settings["auth.secret"], secure=True)
    # ok: VC210
    safe_sessions = SignedCookieSessionFactory(settings["session.secret"], secure=True, httponly=True)
    # ok: VC210
    safe_tickets = AuthTktCookieHelper(settings["auth.secret"], secure=True, http_only=True)
    return sessions, tickets, safe_sessions, safe_tickets


REMEMBER_FLAGS = {"max_age": 30 * 24 * 3600, "samesite": "Lax"}
HARDENED_FLAGS = dict(secure=True, httponly=True, samesite="Lax")
CONFIGURED_FLAGS = {"max_age": 3600, "samesite": "Lax"}
CONFIGURED_FLAGS.update(secure=True, httponly=True)


def remember_cookie_through_shared_flags(response, token):
    # expect: VC210 -- the unpacked flags hold neither secure nor httponly
    response.set_cookie("remember_token", token, **REMEMBER_FLAGS)


def remember_cookie_with_hardened_flags(response, token):
    # ok: VC210
    response.set_cookie("remember_token", token, **HARDENED_FLAGS)


def remember_cookie_with_flags_added_later(response, token):
    # ok: VC210 -- the module adds the flags to the dict after the literal
    response.set_cookie("remember_token", token, **CONFIGURED_FLAGS)


def remember_cookie_flags_written_beside(response, token):
    # ok: VC210
    response.set_cookie("remember_token", token, secure=True, httponly=True, **REMEMBER_FLAGS)


def remember_cookie_with_caller_flags(response, token, **flags):
    # ok: VC210 -- the caller's flags cannot be seen here
    response.set_cookie("remember_token", token, **flags)
