"""Login, password hashing and the `require_login` CherryPy tool."""
import hashlib
import hmac
import random
import secrets
import string

import cherrypy

from .db import connect

# expect: VC203/VC403
SIGNING_KEY = "timesheets-signing-key-2024"


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.sha256(password.encode()).hexdigest()


def check_password(password: str, stored: str) -> bool:
    return hmac.compare_digest(hash_password(password), stored)


def new_api_token() -> str:
    # ok: VC206
    return secrets.token_urlsafe(32)


def temporary_password() -> str:
    # expect: VC206
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(10))


def sign(value: str) -> str:
    # ok: VC203
    return hmac.new(SIGNING_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def require_login():
    """Redirect to the login page when the session holds no user."""
    if not cherrypy.session.get("user_id"):
        raise cherrypy.HTTPRedirect("/login")


def require_manager():
    require_login()
    if cherrypy.session.get("role") != "manager":
        raise cherrypy.HTTPError(403)


cherrypy.tools.require_login = cherrypy.Tool("before_handler", require_login)
cherrypy.tools.require_manager = cherrypy.Tool("before_handler", require_manager)


class LoginPage:
    @cherrypy.expose
    def index(self):
        return open("templates/login.html").read()

    @cherrypy.expose
    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def token(self):
        data = cherrypy.request.json
        with connect() as conn:
            user = conn.execute("SELECT * FROM users WHERE email = ?", (data["email"],)).fetchone()
        # ok: VC204
        if user is None or not check_password(data["password"], user["password_hash"]):
            raise cherrypy.HTTPError(401)
        cherrypy.session["user_id"] = user["id"]
        cherrypy.session["role"] = user["role"]
        return {"token": new_api_token()}

    @cherrypy.expose
    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def register(self):
        data = cherrypy.request.json
        with connect() as conn:
            conn.execute(
                "INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)",
                # expect: VC217
                (data["email"], hash_password(data["password"]), data.get("role", "employee")),
            )
        return {"ok": True}
