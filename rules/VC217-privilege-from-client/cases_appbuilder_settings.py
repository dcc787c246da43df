"""VC217 corpus (Flask-AppBuilder settings): the role each self-registered account gets; an administrator's role there
makes every visitor who signs up an administrator."""
from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
AUTH_USER_REGISTRATION = True
# expect: VC217
AUTH_USER_REGISTRATION_ROLE = "Admin"
# ok: VC217
AUTH_ROLE_ADMIN = "Admin"


def configure(app):
    # expect: VC217
    app.config["AUTH_USER_REGISTRATION_ROLE"] = "superuser"
    # ok: VC217
    app.config["AUTH_USER_REGISTRATION_ROLE"] = "Public"


# ok: VC217
AUTH_USER_REGISTRATION_ROLE_JMESPATH = "contains(['admin'], role) && 'Admin' || 'Public'"
