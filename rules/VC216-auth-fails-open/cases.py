"""VC216 corpus: checks that switch themselves off when a setting is empty or the credential is missing."""
import hmac
import logging
import os
import time
from functools import wraps

import jwt

from typing import Annotated, Optional

from fastapi import Depends, Header, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader
from fastapi.responses import JSONResponse
from flask import abort, current_app, jsonify, request
from flask_jwt_extended import get_jwt, verify_jwt_in_request
from flask_socketio import SocketIO, disconnect

from .auth import get_current_user
from .config import settings

API_KEY = os.getenv("API_KEY")
REPORTS_KEY = os.environ.get("REPORTS_KEY", "")
WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET", "")
ADMIN_TOKEN = os.environ["ADMIN_TOKEN"]


def verify_key(x_api_key: str = Header(default="")):
    # expect: VC216
    if API_KEY and x_api_key != API_KEY:
        raise HTTPException(status_code=401)


def check_api_key(key: str = Header(default="")):
    # expect: VC216
    if settings.api_keys and key not in settings.api_keys:
        raise HTTPException(status_code=403, detail="bad key")


def require_token():
    token = request.headers.get("X-Token")
    # expect: VC216
    if token and token != current_app.config["API_TOKEN"]:
        abort(401)


def verify_signature(payload: bytes, signature: str):
    # expect: VC216
    if WEBHOOK_SECRET:
        if not hmac.compare_digest(sign(payload, WEBHOOK_SECRET), signature):
            abort(403)


async def auth_middleware(request: Request, call_next):
    expected = os.getenv("SERVICE_TOKEN")
    # expect: VC216
    if not expected:
        return await call_next(request)
    if request.headers.get("authorization") != f"Bearer {expected}":
        return JSONResponse({"detail": "unauthorized"}, status_code=401)
    return await call_next(request)


def is_authorized(token: str) -> bool:
    # expect: VC216
    if not settings.AUTH_TOKEN:
        return True
    if token != settings.AUTH_TOKEN:
        return False
    return True


def verify_admin(x_admin_token: str = Header(default=None)):
    # expect: VC216
    if x_admin_token is not None and x_admin_token != ADMIN_TOKEN:
        raise HTTPException(status_code=401)


NOT_SET = object()


class Operation:
    def set_auth(self, auth=NOT_SET):
        # ok: VC216 -- `auth is not NOT_SET` asks whether the caller passed auth callbacks, it checks no credential
        if auth is not None and auth is not NOT_SET:
            self.auth_callbacks = list(auth)
            if any(callback is None for callback in self.auth_callbacks):
                raise PermissionError("an auth callback is missing")


def verify_admin_header(x_admin_token: str = Header(default=None)):
    # expect: VC216 -- the credential is checked only when the client sends one
    if x_admin_token is not None and x_admin_token is not NOT_SET and x_admin_token != ADMIN_TOKEN:
        raise HTTPException(status_code=401)


def check_basic(password: str):
    # expect: VC216
    if settings.ADMIN_PASSWORD and not hmac.compare_digest(password, settings.ADMIN_PASSWORD):
        raise HTTPException(status_code=401)


def verify_key_strict(x_api_key: str = Header(default="")):
    # ok: VC216
    if not API_KEY or x_api_key != API_KEY:
        raise HTTPException(status_code=401)


def check_api_key_strict(key: str = Header(default="")):
    # ok: VC216
    if key not in settings.api_keys:
        raise HTTPException(status_code=403, detail="bad key")


def require_token_strict():
    token = request.headers.get("X-Token")
    # ok: VC216
    if not token or token != current_app.config["API_TOKEN"]:
        abort(401)


async def strict_middleware(request: Request, call_next):
    expected = os.getenv("SERVICE_TOKEN")
    # ok: VC216
    if not expected:
        return JSONResponse({"detail": "auth is not configured"}, status_code=503)
    if request.headers.get("authorization") != f"Bearer {expected}":
        return JSONResponse({"detail": "unauthorized"}, status_code=401)
    return await call_next(request)


def pick_theme(theme: str):
    # ok: VC216 -- no auth decision
    if settings.themes and theme not in settings.themes:
        return settings.default_theme
    return theme


def limit(count: int):
    # ok: VC216 -- not a credential
    if settings.MAX_ITEMS and count > settings.MAX_ITEMS:
        raise HTTPException(status_code=413)


def feature_enabled(user):
    # ok: VC216
    if not settings.BETA:
        return False
    return user.beta


def verify_signature_strict(payload: bytes, signature: str):
    # ok: VC216
    if not WEBHOOK_SECRET:
        raise RuntimeError("WEBHOOK_SECRET is not set")
    if not hmac.compare_digest(sign(payload, WEBHOOK_SECRET), signature):
        abort(403)


def mail_admins(subject, send):
    # ok: VC216 -- the later check validates the setting's own shape, it compares no credential with it
    if not settings.ADMINS:
        return
    if not all(isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in settings.ADMINS):
        raise ValueError("ADMINS must be a list of pairs")
    send(subject, [pair[1] for pair in settings.ADMINS])


def check_recipients():
    # ok: VC216 -- a type check of the setting, not a check of a request
    if settings.RECIPIENTS and not isinstance(settings.RECIPIENTS, list):
        raise TypeError("RECIPIENTS must be a list")


def create_sockets(conf):
    # ok: VC216 -- the setting's own file must exist: a start-up check of a configured path, not of a request
    if conf.certfile and not os.path.exists(conf.certfile):
        raise ValueError('certfile "%s" does not exist' % conf.certfile)


class ApiClient:
    def __init__(self, config):
        key_path = config.client_key_path
        # ok: VC216 -- the file that holds the client's key must exist: a check of a configured path, not of a request
        if key_path is not None and not key_path.exists():
            raise ValueError(f"Client key not found: {key_path}")
        self.key_path = key_path


def require_client_key(x_client_key: str = Header(default=None)):
    # expect: VC216 -- the key itself, not where it is kept: a request without it is let in
    if x_client_key and x_client_key != settings.CLIENT_KEY:
        raise HTTPException(status_code=401)


def split_path(environ, path_info):
    script_name = os.environ.get("SCRIPT_NAME", "")
    # ok: VC216 -- the path must begin with the configured prefix: routing, not access
    if script_name:
        if not path_info.startswith(script_name):
            raise ConfigurationProblem("path %r does not start with SCRIPT_NAME %r" % (path_info, script_name))
        path_info = path_info[len(script_name):]
    return path_info


def require_known_client(client_id):
    # expect: VC216 -- no credential word, but the refusal is an access denial: an empty list lets every client in
    if settings.ALLOWED_CLIENTS and client_id not in settings.ALLOWED_CLIENTS:
        abort(403)


def verify_any_key(key: str):
    # expect: VC216 -- a key is compared with the setting's entries
    if not settings.API_KEYS:
        return
    if not any(hmac.compare_digest(key, known) for known in settings.API_KEYS):
        raise HTTPException(status_code=401)


def flask_key_checked_against_unset_setting():
    # expect: VC216 -- `API_KEY` is None when unset, and so is the header a client leaves out
    if request.headers.get("X-API-Key") != API_KEY:
        abort(401)


async def key_checked_after_an_unset_setting_let_through(request: Request, call_next):
    # expect: VC216 -- an unset key lets every request in
    if not API_KEY:
        return await call_next(request)
    # ok: VC216 -- `API_KEY` is set here: the `if` above returned for an unset one (reported there)
    if request.headers.get("x-api-key") != API_KEY:
        return JSONResponse({"detail": "Unauthorized"}, status_code=401)
    return await call_next(request)


def flask_key_checked_after_an_unset_setting_refused():
    if API_KEY is None:
        abort(500)
    # ok: VC216 -- `API_KEY` is set here
    if request.headers.get("X-API-Key") != API_KEY:
        abort(401)


def flask_key_compared_after_an_unset_setting_refused():
    if not API_KEY:
        raise RuntimeError("API_KEY is not configured")
    # ok: VC216 -- `API_KEY` is set here
    return request.headers.get("X-API-Key") == API_KEY


def flask_key_checked_after_a_guard_for_one_method():
    if request.method == "POST":
        if not API_KEY:
            abort(500)
    # expect: VC216 -- the guard above runs only for POST requests: a GET with no key meets an unset setting
    if request.headers.get("X-API-Key") != API_KEY:
        abort(401)


def flask_key_read_first():
    given = request.args.get("token")
    # expect: VC216
    if os.environ.get("ADMIN_TOKEN") != given:
        abort(403)


def flask_key_against_setting_with_default():
    # ok: VC216 -- `WEBHOOK_SECRET` is "" when unset, which a missing header (None) never equals
    if request.headers.get("X-Signature") != WEBHOOK_SECRET:
        abort(401)


def flask_key_against_required_setting():
    # ok: VC216 -- `os.environ[...]` fails at start-up when the variable is unset
    if request.headers.get("X-Admin-Token") != ADMIN_TOKEN:
        abort(401)


def flask_header_with_default():
    # ok: VC216 -- a missing header reads as "", which an unset setting (None) never equals
    if request.headers.get("X-API-Key", "") != API_KEY:
        abort(401)


def flask_empty_header_against_empty_default():
    # expect: VC216 -- an unset `REPORTS_KEY` is "", and so is a missing header
    if request.headers.get("X-API-Key", "") != REPORTS_KEY:
        abort(401)


def reports_key_matches(req):
    # expect: VC216
    return req.headers.get("X-API-Key", "") == REPORTS_KEY


def reports_key_matches_when_set(req):
    # ok: VC216 -- a missing header (None) never equals an unset key ("")
    return req.headers.get("X-API-Key") == REPORTS_KEY


def reports_key_matches_only_when_configured(req):
    # ok: VC216 -- the comparison runs only when the key is set
    return REPORTS_KEY and req.headers.get("X-API-Key", "") == REPORTS_KEY


def manager_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            verify_jwt_in_request()
            if get_jwt().get("role") not in ("admin", "manager"):
                return jsonify(msg="Forbidden"), 403
        # expect: VC216 -- the missing token's exception is swallowed and the view runs
        except Exception:
            logging.warning("auth failed")
        return fn(*args, **kwargs)
    return wrapper


def editor_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        try:
            claims = jwt.decode(request.headers["Authorization"], ADMIN_TOKEN, algorithms=["HS256"])
            if claims["role"] != "editor":
                abort(403)
        # expect: VC216 -- the `abort(403)` raised in the `try` is caught here, and the view runs anyway
        except Exception:
            return view(*args, **kwargs)
        return view(*args, **kwargs)
    return wrapper


def count_events(job):
    try:
        entries = fetch_entries(job["endpoint"], job["api_key"])
        try:
            job["count"] = len(entries)
        except ValueError as error:
            if error.args[0] != "too many":
                raise
    # ok: VC216 -- nothing in the `try` refuses: the inner `raise` hands on what its own `except` caught
    except Exception as error:
        print(error)
    return job


def has_secrets(text, config=None):
    # ok: VC216 -- a feature's on/off switch, no credential: turned off, the scan answers "none found"
    if config and not config.enable_secret_scanning:
        return False
    return bool(scan_for_secrets(text))


def signature_ok(payload, signature):
    # expect: VC216 -- with the secret unset, every signature passes
    if settings.WEBHOOK_SECRET and not hmac.compare_digest(sign(payload, settings.WEBHOOK_SECRET), signature):
        return False
    return True


def social_login(resolver):
    @wraps(resolver)
    def wrapper(root, info, provider, access_token):
        try:
            user = load_backend(provider).do_auth(access_token)
            if user is None:
                raise PermissionError("invalid token")
            return resolver(root, info, user, None)
        # ok: VC216 -- the resolver is handed the caught error, no user: it answers with the error
        except Exception as error:
            return resolver(root, info, None, str(error))
    return wrapper


def social_login_lenient(resolver):
    @wraps(resolver)
    def wrapper(root, info, provider, access_token):
        try:
            user = load_backend(provider).do_auth(access_token)
            if user is None:
                raise PermissionError("invalid token")
        # expect: VC216 -- the error is caught and only logged: the resolver runs as if the login had passed
        except Exception as error:
            logging.warning("login failed: %s", error)
            return resolver(root, info, access_token)
        return resolver(root, info, access_token)
    return wrapper


def check_token(token: str) -> bool:
    try:
        jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
        return True
    # expect: VC216 -- a check that answers True when the token does not decode
    except jwt.InvalidTokenError:
        return True


class TokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            if request.headers.get("Authorization") != f"Bearer {ADMIN_TOKEN}":
                raise PermissionError("bad token")
        # expect: VC216
        except PermissionError:
            pass
        return self.get_response(request)


def strict_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            verify_jwt_in_request()
        # ok: VC216 -- the handler denies
        except Exception:
            return jsonify(msg="Missing or invalid token"), 401
        return fn(*args, **kwargs)
    return wrapper


async def identify_user(request: Request, call_next):
    try:
        request.state.user = jwt.decode(request.headers.get("authorization", ""), ADMIN_TOKEN, algorithms=["HS256"])
    # ok: VC216 -- an identifying middleware: nothing in the `try` refuses, routes decide
    except jwt.InvalidTokenError:
        request.state.user = None
    return await call_next(request)


def retry_once(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        # ok: VC216 -- no auth check in the `try`
        except Exception:
            return fn(*args, **kwargs)
    return wrapper


def is_token_valid(token: str) -> bool:
    try:
        jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    # ok: VC216
    except jwt.InvalidTokenError:
        return False
    return True


def is_token_expired(headers: dict) -> bool:
    try:
        claims = jwt.decode(headers["Authorization"][7:], ADMIN_TOKEN, algorithms=["HS256"])
        return claims["exp"] < time.time()
    # ok: VC216 -- a check named for the failing state: True treats the token as expired, which refuses it
    except Exception:
        return True


def is_admin_path(request) -> bool:
    try:
        admin_url = reverse("admin:index")
    # ok: VC216 -- the admin site has no route here: a fact of the URLconf, no verdict on the caller
    except NoReverseMatch:
        return True
    return request.path.startswith(admin_url)


def is_admin_token(request) -> bool:
    try:
        admin_url = reverse("admin:index")
        jwt.decode(request.headers["X-Admin-Token"], ADMIN_TOKEN, algorithms=["HS256"])
    # expect: VC216 -- a token that fails to decode is let in alongside a missing route
    except (NoReverseMatch, jwt.InvalidTokenError):
        return True
    return request.path.startswith(admin_url)


def is_reauthentication_required(app: str) -> bool:
    try:
        return import_string(f"{app}.settings.REAUTHENTICATION_REQUIRED")
    # ok: VC216 -- a check named for the further check it demands: True asks the user to sign in again
    except ImportError:
        return True


def is_admin_reauth_required(user_id: str) -> bool:
    try:
        return redis_client.sismember("mfa-users", user_id)
    # expect: VC216 -- a store that cannot answer skips the step-up an admin action needs
    except Exception:
        return False


def is_api_key_revoked(key: str) -> bool:
    try:
        return redis_client.sismember("revoked", key)
    # expect: VC216 -- a revocation check that cannot ask answers "not revoked", which lets the key in
    except Exception:
        return False


def fastapi_header_none_against_unset_setting(x_admin_token: str = Header(None)):
    # expect: VC216 -- the header is None when omitted, and so is `API_KEY` when unset
    if x_admin_token != API_KEY:
        raise HTTPException(status_code=403)


def fastapi_header_default_keyword(token: Optional[str] = Header(default=None, alias="X-Token")):
    # expect: VC216
    if API_KEY != token:
        raise HTTPException(status_code=403)


def fastapi_annotated_header(x_api_key: Annotated[str | None, Header()] = None):
    # expect: VC216
    if x_api_key != API_KEY:
        raise HTTPException(status_code=401)


def fastapi_required_header(x_api_key: str = Header(...)):
    # ok: VC216 -- a required header is never None
    if x_api_key != API_KEY:
        raise HTTPException(status_code=401)


def fastapi_header_empty_default(x_api_key: str = Header("")):
    # ok: VC216 -- an omitted header reads as "", which an unset setting (None) never equals
    if x_api_key != API_KEY:
        raise HTTPException(status_code=401)


def fastapi_header_against_required_setting(x_admin_token: str = Header(None)):
    # ok: VC216 -- `ADMIN_TOKEN` comes from `os.environ[...]`: never None
    if x_admin_token != ADMIN_TOKEN:
        raise HTTPException(status_code=403)


def plain_parameter_none(token: str | None = None):
    # ok: VC216 -- not read from the request here: the caller decides what it passes
    if token != API_KEY:
        raise HTTPException(status_code=403)


def decode_even_when_expired(token: str) -> dict:
    try:
        return jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    except jwt.ExpiredSignatureError:
        # expect: VC216 -- the expired token is decoded again with the expiry check off, and accepted
        payload = jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"], options={"verify_exp": False})
    return payload


def decode_even_when_expired_dict(token: str) -> dict:
    try:
        payload = jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    except (jwt.ExpiredSignatureError, jwt.InvalidTokenError):
        # expect: VC216
        payload = jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"], options=dict(verify_exp=False))
    return payload


def reject_expired(token: str) -> dict:
    try:
        return jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    except jwt.ExpiredSignatureError:
        # ok: VC216 -- it only logs whose token it was, then refuses
        claims = jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"], options={"verify_exp": False})
        logging.info("expired token of %s", claims.get("sub"))
        raise HTTPException(status_code=401, detail="token expired")


def decode_for_logging(token: str) -> dict:
    try:
        return jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    except ValueError:
        # ok: VC216 -- not an auth error: a malformed body
        return {}


lenient_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
strict_key_header = APIKeyHeader(name="X-API-Key")


def verify_key_from_lenient_scheme(api_key: str = Security(lenient_key_header)):
    # expect: VC216 -- `auto_error=False` gives None for a missing key, and `API_KEY` is None when unset
    if api_key != API_KEY:
        raise HTTPException(status_code=401)


def verify_key_from_strict_scheme(api_key: str = Security(strict_key_header)):
    # ok: VC216 -- the scheme answers 403 itself when the key is missing
    if api_key != API_KEY:
        raise HTTPException(status_code=401)


def is_admin_request() -> bool:
    # expect: VC216 -- `None == None` while `API_KEY` is unset and the header is missing
    return request.headers.get("X-Admin-Token") == API_KEY


def admin_view(x_admin_token: str | None = Header(None)):
    # expect: VC216
    if x_admin_token == API_KEY:
        return {"admin": True}
    raise HTTPException(status_code=403)


def is_admin_request_with_default() -> bool:
    # ok: VC216 -- a missing header reads as "", never None
    return request.headers.get("X-Admin-Token", "") == API_KEY


def is_admin_request_required_setting() -> bool:
    # ok: VC216 -- `ADMIN_TOKEN` fails at start-up when unset
    return request.headers.get("X-Admin-Token") == ADMIN_TOKEN


def default_page_requested() -> bool:
    # ok: VC216 -- not a credential
    return request.args.get("page") == os.getenv("DEFAULT_PAGE")


PUBLIC_PATHS = {"/health", "/login"}


async def guarding_middleware(request: Request, call_next):
    if request.url.path in PUBLIC_PATHS:
        return await call_next(request)
    try:
        request.state.claims = jwt.decode(request.headers.get("authorization", ""), ADMIN_TOKEN, algorithms=["HS256"])
    # expect: VC216 -- public paths were let through above: this one was meant to need a token
    except Exception:
        return await call_next(request)
    return await call_next(request)


async def identifying_middleware(request: Request, call_next):
    if request.url.path in PUBLIC_PATHS:
        return await call_next(request)
    try:
        request.state.claims = jwt.decode(request.headers.get("authorization", ""), ADMIN_TOKEN, algorithms=["HS256"])
    # ok: VC216 -- it records an anonymous caller: the routes decide
    except jwt.InvalidTokenError:
        request.state.claims = None
    return await call_next(request)


def require_service_token(x_service_token: Annotated[str, Header()]) -> None:
    try:
        if not hmac.compare_digest(x_service_token, os.environ["SERVICE_TOKEN"]):
            raise HTTPException(status_code=403, detail="bad service token")
    # expect: VC216 -- the 403 it raised is caught here, and the dependency returns as if the token were good
    except Exception:
        logging.getLogger(__name__).warning("service token check failed")


def require_staff_header(x_staff: Annotated[str, Header()]) -> None:
    try:
        if x_staff not in settings.staff_keys:
            raise HTTPException(status_code=401)
    # expect: VC216
    except Exception:
        return None


async def stream_outputs(pipe_responses: list) -> None:
    try:
        for response, state in pipe_responses:
            if state == "error":
                raise HTTPException(status_code=500, detail="the worker failed")
            await send(response)
    # ok: VC216 -- a streaming loop that reports a server error: no caller is refused in its `try`
    except Exception:
        logging.getLogger(__name__).exception("streaming failed")


def require_reader_key(x_reader_key: Annotated[str, Header()]) -> None:
    try:
        if x_reader_key not in settings.reader_keys:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN)
    # expect: VC216 -- a refusal spelled with the status name
    except Exception:
        logging.getLogger(__name__).warning("reader key check failed")


def require_partner(x_partner: Annotated[str, Header()]) -> None:
    try:
        partner = settings.partners[x_partner]
    # ok: VC216 -- the handler refuses
    except KeyError:
        raise HTTPException(status_code=403) from None
    if not partner.active:
        raise HTTPException(status_code=403)


def partner_or_none(x_partner: Annotated[str, Header()]):
    try:
        if x_partner not in settings.partners:
            raise HTTPException(status_code=403)
        return settings.partners[x_partner]
    # ok: VC216 -- it answers the partner, so None is its refusal for the caller to act on
    except Exception:
        return None


class LenientRoleChecker:
    """A FastAPI dependency class: `Depends(LenientRoleChecker(["admin"]))`."""

    def __init__(self, allowed):
        self.allowed = allowed

    def __call__(self, user=Depends(get_current_user)):
        try:
            if user.role not in self.allowed:
                raise HTTPException(status_code=403, detail="not allowed")
        # expect: VC216
        except Exception:
            pass
        return user


def require_editor(user=Depends(get_current_user)):
    try:
        if user.role != "editor":
            raise HTTPException(status_code=403)
    # ok: VC216 -- the refusal is raised again
    except HTTPException:
        raise
    return user


def require_reviewer(user=Depends(get_current_user), strict: bool = True):
    try:
        if strict and user.role != "reviewer":
            raise HTTPException(status_code=403)
    # expect: VC216 -- the caller is handed back, whatever flag rides along
    except Exception:
        pass
    return user


def is_binary_writer(stream, default: bool = False) -> bool:
    try:
        stream.write(b"")
    except Exception:
        try:
            stream.write("")
            return False
        # ok: VC216 -- a predicate falls back on the answer it was handed, no caller goes on
        except Exception:
            pass
        return default
    return True


def is_seekable(stream, default=False):
    try:
        stream.seek(0)
        return True
    except Exception:
        try:
            stream.tell()
            return False
        # ok: VC216 -- the same fallback, its flag known by its default
        except Exception:
            pass
        return default


def parse_limit(limit: str):
    try:
        value = int(limit)
    # ok: VC216 -- no check refuses in the `try`
    except ValueError:
        value = 10
    return limit if value else limit


def get_issue(issue_key, config=settings):
    filter_to_use = config.projects_filter
    # ok: VC216 -- an optional project filter: an issue key is a lookup key, not a credential
    if filter_to_use:
        projects = [p.strip() for p in filter_to_use.split(",")]
        if issue_key.split("-")[0] not in projects:
            raise ValueError("restricted by configuration")
    return issue_key


def check_partner_key(partner_key, config=settings):
    allowed = config.partner_keys
    # expect: VC216 -- a key the client presents is a credential
    if allowed:
        if partner_key not in allowed:
            raise ValueError("unknown key")
    return partner_key


PGCRYPTO = os.getenv("PGCRYPTO", "false").lower() == "true"
PGCRYPTO_KEY = os.getenv("PGCRYPTO_KEY")
# ok: VC216 -- a feature that needs its key configured: the check reads settings only and refuses no request
if PGCRYPTO and not PGCRYPTO_KEY:
    raise ValueError("PGCRYPTO is enabled but PGCRYPTO_KEY is not set")


def enable_encryption(session):
    # ok: VC216 -- the same validation inside the feature's own branch
    if PGCRYPTO:
        if not PGCRYPTO_KEY:
            raise ValueError("PGCRYPTO_KEY must be set when PGCRYPTO is enabled")
        session.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")


def check_service_key(x_service_key: str = Header(default="")):
    # expect: VC216 -- the client's key is checked only when the setting is there
    if PGCRYPTO_KEY and x_service_key != PGCRYPTO_KEY:
        raise HTTPException(status_code=401)


def claims_grant_admin():
    verify_jwt_in_request()
    claims = get_jwt()
    # expect: VC216 -- a token without the claim is an admin's
    return claims.get("is_admin", True)


def profile_is_staff(user: dict) -> bool:
    # expect: VC216
    return user.get("is_staff", True)


def moderation_passes(result: dict) -> bool:
    # ok: VC216 -- a content filter's verdict, not a privilege of the caller
    return result.get("allowed", True)


def claims_deny_by_default():
    verify_jwt_in_request()
    # ok: VC216 -- a missing claim is no admin
    return get_jwt().get("is_admin", False)


def tls_verify_setting(options: dict) -> bool:
    # ok: VC216 -- an option, not a privilege
    return options.get("verify", True)


import grpc

API_KEYS = {k for k in os.environ.get("API_KEYS", "").split(",") if k}


class ApiKeyInterceptor(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        # expect: VC216 -- no keys configured, every caller let in
        if not API_KEYS:
            return continuation(handler_call_details)
        key = dict(handler_call_details.invocation_metadata).get("x-api-key")
        if key in API_KEYS:
            return continuation(handler_call_details)
        return deny(grpc.StatusCode.UNAUTHENTICATED, "invalid api key")


class StrictApiKeyInterceptor(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        # ok: VC216 -- no keys configured, nobody let in
        if not API_KEYS:
            return deny(grpc.StatusCode.UNAVAILABLE, "no keys configured")
        key = dict(handler_call_details.invocation_metadata).get("x-api-key")
        if key in API_KEYS:
            return continuation(handler_call_details)
        return deny(grpc.StatusCode.UNAUTHENTICATED, "invalid api key")


def feature_flags(name):
    # ok: VC216 -- a feature switch, not an auth check
    if not FEATURES:
        return None
    if name in FEATURES:
        return FEATURES[name]
    return None


socketio = SocketIO()


@socketio.on("connect")
def on_connect(auth):
    # expect: VC216 -- a bare `return` accepts the connection
    if not current_user.is_authenticated:
        log.warning("anonymous socket")
        return
    join_room(current_user.id)


@socketio.on("connect", namespace="/admin")
def on_admin_connect(auth):
    # ok: VC216 -- `return False` refuses it
    if not current_user.is_authenticated:
        return False
    join_room("admins")


@socketio.on("connect", namespace="/ops")
def on_ops_connect(auth):
    # ok: VC216 -- `disconnect()` refuses it
    if not auth or not auth.get("token"):
        disconnect()
        return
    join_room("ops")


@socketio.on("join")
def on_join(data):
    # ok: VC216 -- not a connect handler: the message is only ignored
    if not current_user.is_authenticated:
        return
    join_room(data["room"])


def dependency_skipped_when_the_key_is_none(x_api_key: str | None = Header(default=None)) -> None:
    # expect: VC216 -- `is None` spells the unset setting as `not` does
    if API_KEY is None:
        return
    if x_api_key is None or not hmac.compare_digest(x_api_key, API_KEY):
        raise HTTPException(status_code=401)


def dependency_skipped_when_the_key_is_blank(x_api_key: str | None = Header(default=None)) -> None:
    # expect: VC216
    if settings.API_KEY == "":
        return
    if x_api_key != settings.API_KEY:
        raise HTTPException(status_code=401)


def dependency_refused_when_the_key_is_none(x_api_key: str | None = Header(default=None)) -> None:
    # ok: VC216 -- an unset key refuses every request
    if API_KEY is None:
        raise HTTPException(status_code=503, detail="API key not configured")
    if x_api_key is None or not hmac.compare_digest(x_api_key, API_KEY):
        raise HTTPException(status_code=401)


def dependency_without_a_credential_given(x_api_key: str | None = Header(default=None)) -> None:
    # ok: VC216 -- the client's own missing header, answered by the check below
    if x_api_key is None:
        raise HTTPException(status_code=401)
    if not hmac.compare_digest(x_api_key, os.environ["API_KEY"]):
        raise HTTPException(status_code=401)


def webhook_checked_by_a_helper_only_when_configured(body: bytes, signature: str) -> None:
    # expect: VC216 -- the helper checks with `WEBHOOK_SECRET`; an empty one skips it
    if WEBHOOK_SECRET and not signature_matches(body, signature):
        raise HTTPException(status_code=401)


def check_switched_by_a_feature_flag(token: str) -> None:
    # ok: VC216 -- a feature switch names no credential: turning auth off is its stated purpose
    if settings.AUTH_ENABLED and not verify_token(token):
        raise HTTPException(status_code=401)


def webhook_checked_by_a_helper_always(body: bytes, signature: str) -> None:
    # ok: VC216
    if not WEBHOOK_SECRET or not signature_matches(body, signature):
        raise HTTPException(status_code=401)


def current_user_or_admin(authorization: str = Header("")) -> dict:
    try:
        claims = jwt.decode(authorization.removeprefix("Bearer "), ADMIN_TOKEN, algorithms=["HS256"])
    # expect: VC216 -- a token that does not decode makes the caller an administrator
    except jwt.PyJWTError:
        return {"id": 0, "role": "admin"}
    return {"id": claims["sub"], "role": claims.get("role", "user")}


def current_user_or_staff(token: str) -> dict:
    try:
        claims = jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    # expect: VC216
    except Exception:
        return dict(sub="fallback", is_staff=True)
    return claims


def current_user_or_guest(token: str) -> dict:
    try:
        claims = jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])
    # ok: VC216 -- an anonymous guest: the routes decide what a guest may do
    except jwt.PyJWTError:
        return {"id": None, "role": "guest", "is_admin": False}
    return claims


def load_profile(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            return {"name": handle.read().strip(), "role": "viewer"}
    # ok: VC216 -- no auth error caught, no privilege granted
    except OSError:
        return {"name": "", "role": "viewer"}


ALLOWED_TOKEN_TYPES = ("service", "batch")


def create_role(token_type=None, signature_algorithm=None, token_policies=None):
    # ok: VC216 -- which kind of token to make: an argument checked against its allowed values, no request let in
    if token_type is not None and token_type not in ALLOWED_TOKEN_TYPES:
        raise ValueError(f"unsupported token_type {token_type}")
    # ok: VC216 -- the same for an algorithm's name
    if signature_algorithm is not None and signature_algorithm not in ("pss", "pkcs1v15"):
        raise ValueError("unsupported signature_algorithm")
    # expect: VC216 -- a token itself against the configured ones, refused as access is
    if settings.SERVICE_TOKENS and token_policies not in settings.SERVICE_TOKENS:
        abort(403)


class ToolProject:
    def check_tool_version(self):
        required = self.config.tool_specifier
        # ok: VC216 -- a command line's abort with a message when the installed tool is too old: no request refused
        if required:
            if not required.contains(VERSION):
                self.app.abort(f"tool {required} is required")

    def check_client(self, client_id):
        allowed = settings.ALLOWED_CLIENTS
        # expect: VC216 -- the same shape answering 403: an empty list lets every client in
        if allowed:
            if client_id not in allowed:
                abort(403)


class ReceiveBuffer:
    def __init__(self) -> None:
        self._data = bytearray()

    def is_next_line_obviously_invalid_request_line(self) -> bool:
        try:
            return self._data[0] < 0x21
        # ok: VC216 -- a parser's sanity check of a request line's first byte: nothing to read yet is not invalid
        except IndexError:
            return False

    def is_invalid_token_format(self, header: str) -> bool:
        try:
            return not header.split()[1].isalnum()
        # expect: VC216 -- the same shape about a token: a header without one passes as valid
        except IndexError:
            return False
