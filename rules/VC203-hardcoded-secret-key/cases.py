"""VC203 corpus: signing keys written as literals fire; keys read from the environment do not."""
import hmac
import os

import jwt
from decouple import config
from flask import Flask
from itsdangerous import URLSafeTimedSerializer
from jose import jwt as jose_jwt
from starlette.middleware.sessions import SessionMiddleware

app = Flask(__name__)

# expect: VC203
SECRET_KEY = "django-insecure-3k!x9v@p2#l0q"

# expect: VC203
app.secret_key = "dev"

# expect: VC203
app.config["SECRET_KEY"] = b"\x8f\x11\xaa\x04"

# expect: VC203
app.config.update(SECRET_KEY="change-me", DEBUG=False)

# expect: VC203
app.config.from_mapping({"SECRET_KEY": "my-flask-secret"})

# expect: VC203
JWT_SECRET: str = "jwt-signing-secret"


class ProductionConfig:
    # expect: VC203
    JWT_SECRET_KEY = "prod-jwt-key"


def make_token(user_id):
    # expect: VC203
    return jwt.encode({"sub": user_id}, "hardcoded-secret", algorithm="HS256")


def read_token(token):
    # expect: VC203
    return jose_jwt.decode(token, key="hardcoded-secret", algorithms=["HS256"])


def sign(message):
    # expect: VC203
    return hmac.new(b"webhook-key", message, "sha256").hexdigest()


def derive_web_app_key(bot_token, payload):
    # ok: VC203 -- the secret is the message: the literal key only labels what the derived key is for
    secret_key = hmac.new(key=b"WebAppData", msg=bot_token.encode(), digestmod="sha256")
    return hmac.new(secret_key.digest(), payload, "sha256").hexdigest()


def sign_user_data(user_id):
    # expect: VC203
    return hmac.new(b"webhook-key", msg=str(user_id).encode(), digestmod="sha256").hexdigest()


def guessing_game(workflow_class):
    # ok: VC203 -- the word a player must guess
    return workflow_class(secret_word="dog")


def signer(serializer_class):
    # expect: VC203
    return serializer_class(secret_signing_key="hardcoded-signing-key")


KEY = "abc123def456"


def make_token_through_a_variable(user_id):
    # expect: VC203
    return jwt.encode({"sub": user_id}, KEY, algorithm="HS256")


# expect: VC203
serializer = URLSafeTimedSerializer("reset-password-secret")

# expect: VC203
app.add_middleware(SessionMiddleware, secret_key="session-secret")

# expect: VC203
FLASK_SECRET = os.environ.get("FLASK_SECRET", "dev-secret")

# expect: VC203
app.config["SECRET_KEY"] = os.getenv("SECRET_KEY") or "fallback-secret"

# expect: VC203
DJANGO_SECRET_KEY = config("DJANGO_SECRET_KEY", default="insecure-default")

# ok: VC203
SECRET_KEY_FROM_ENV = os.environ["SECRET_KEY"]

# ok: VC203 -- the armour line a scanner looks for in other text, not a key
_PEM_PRIVATE_KEY_MARKER = "PRIVATE KEY-----"

# expect: VC203
PRIVATE_SIGNING_KEY = "k3y-9fJ2kLq7Xw8RtY6uPz3mN4bV1cQ5"

# ok: VC203
app.secret_key = os.urandom(32)

# ok: VC203
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")

# ok: VC203
SECRET_KEY_ENV_VAR = "APP_SECRET_KEY"

# ok: VC203
SECRET_KEY = ""

# ok: VC203
JWT_SECRET = "${JWT_SECRET}"


class TestingConfig:
    # ok: VC203
    SECRET_KEY = "test-only"


def make_token_from_settings(user_id, settings):
    # ok: VC203
    return jwt.encode({"sub": user_id}, settings.jwt_secret, algorithm="HS256")


def encode_with_empty_default(user_id):
    # ok: VC203
    key = os.environ.get("JWT_SECRET", "")
    return key


# ok: VC203
SESSION_COOKIE_NAME = "session"

# ok: VC203
secret_key_file = "/run/secrets/flask_key"

# ok: VC203
PASSWORD_RESET_SALT = config("PASSWORD_RESET_SALT")


def from_settings_mapping(settings):
    # expect: VC203
    return settings.get("JWT_SECRET", "fallback-jwt-secret")


def from_settings_mapping_without_default(settings):
    # ok: VC203
    return settings.get("JWT_SECRET")


class EnvProvider:
    # ok: VC203
    SECRET_KEY = "AWS_SECRET_ACCESS_KEY"


class ContainerProvider:
    # ok: VC203
    SECRET_KEY = "AWSSecretKey"


# expect: VC203
app.secret_key = "your_secret_key_here"


# ok: VC203 -- the session key under which the TOTP secret is kept, not a secret
SECRET_SESSION_KEY = "mfa.totp.secret"
# ok: VC203
JWT_SECRET_SETTING_PATH = "auth.jwt.secret_key"
# expect: VC203 -- a dotted value that is not a lower-case path
SIGNING_KEY = "k9.Xq7.Zt2!vB"
# ok: VC203 -- `# nosec` on the line: bandit's comment also silences the rule that supersedes B105
SECRET_KEY = "Hz8-k2Lq9-Vb4Xw"  # nosec


def jwt_key_spelled_like_a_setting(user_id):
    # expect: VC203 -- passed as the key, the literal is the key even when it reads like a name
    return jwt.encode({"sub": user_id}, "SECRET_KEY", algorithm="HS256")


def jose_verify_with_literal(token):
    from jose import jws

    # expect: VC203
    return jws.verify(token, "jws-signing-secret", algorithms=["HS256"])


def joserfc_literal_key(claims):
    from joserfc import jwt as rfc_jwt
    from joserfc.jwk import OctKey

    # expect: VC203
    key = OctKey.import_key("joserfc-secret-value")
    return rfc_jwt.encode({"alg": "HS256"}, claims, key)


def joserfc_literal_key_passed_directly(claims):
    from joserfc import jwt as rfc_jwt

    # expect: VC203
    return rfc_jwt.encode({"alg": "HS256"}, claims, "inline-joserfc-secret")


def fastapi_users_strategy():
    from fastapi_users.authentication import JWTStrategy

    # expect: VC203
    return JWTStrategy(secret="SECRET", lifetime_seconds=3600)


def fastapi_users_strategy_keyword():
    from fastapi_users.authentication import JWTStrategy as Strategy

    # expect: VC203
    return Strategy(lifetime_seconds=3600, secret="change-me-in-production")


def fastapi_users_strategy_from_env():
    from fastapi_users.authentication import JWTStrategy

    # ok: VC203
    return JWTStrategy(secret=os.environ["JWT_SECRET"], lifetime_seconds=3600)


def joserfc_key_from_env(claims):
    from joserfc.jwk import OctKey

    # ok: VC203
    return OctKey.import_key(os.environ["JWT_SECRET"])


def jose_verify_with_public_key(token, public_key):
    from jose import jws

    # ok: VC203
    return jws.verify(token, public_key, algorithms=["RS256"])


def jwt_decode_with_settings_key(token, settings):
    # ok: VC203
    return jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"])


def jwt_key_from_a_file(user_id):
    with open("/run/secrets/jwt_key") as handle:
        key = handle.read().strip()
    # ok: VC203
    return jwt.encode({"sub": user_id}, key, algorithm="HS256")


def strategy_named_like_a_setting():
    # ok: VC203 -- a lookup of the setting by its name, not a key
    return os.environ.get("SECRET_KEY")


def unrelated_secret_keyword(client):
    # ok: VC203 -- an empty literal is no key
    return client.configure(secret="")


def template_key(user_id):
    # ok: VC203 -- a `${VAR}` template filled in by the deployment
    return jwt.encode({"sub": user_id}, "${JWT_SECRET}", algorithm="HS256")


# expect: VC203 -- an encryption key: whoever reads it decrypts what it protects
FERNET_KEY = b"ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg="

# ok: VC203 -- a cloud credential (VC403's), not a key the app signs with
AWS_SECRET_ACCESS_KEY = "q8Lm3Nv2Kw4Jz7Xb1Cd5Ef9Gh0Ij2Kl4Mn6Op8Qr"

# ok: VC203 -- settings that name the machinery making or hashing a secret, not a secret
OAUTH2_DEFAULTS = {
    "CLIENT_SECRET_HASHER": "default",
    "CLIENT_SECRET_GENERATOR_CLASS": "myapp.generators.ClientSecretGenerator",
}

# expect: VC203 -- the client secret itself, beside its hasher
OAUTH2_CLIENT = {"CLIENT_SECRET": "s3cr3t-client-value", "CLIENT_SECRET_HASHER": "default"}

# ok: VC203 -- names of functions (an action on a secret), mapped to the modules that define them
LAZY_IMPORTS = {"convert_to_secret_str": "utils", "get_secret_key": "keys"}

# expect: VC203 -- the key itself, beside a function's name
SIGNING = {"load_signing_key": "keys", "signing_key": "k3y-v4lue-c0mm1tt3d"}

# ok: VC203 -- a redaction mask shown in place of a secret, not a secret
SECRET_REDACTED = "*****"

# ok: VC203 -- an elided value in a documented example
EXAMPLE_CREDENTIALS = {"type": "service_account", "private_key": "...", "client_email": "..."}

# ok: VC203 -- an ordering's name mapped to the field it sorts by
ORDERINGS = {"code": "code", "secret": "secret"}


def validate(private_key, private_key_password):
    errors = {}
    if private_key_password and private_key is None:
        # ok: VC203 -- an error message that names the field
        errors["private_key"] = "private_key is required when private_key_password is provided"
    return errors


# ok: VC203 -- the fields a form asks for, described in prose
PARAMETERS_DESCRIPTION = {
    "client_id": "Service account client ID",
    "client_secret": "Service account client secret",
    "database": "Database name",
}

# expect: VC203 -- a real secret beside a description still is one
PROVIDER = {"client_id": "Service account client ID", "client_secret": "q8Lm3Nv2Kw4Jz7Xb"}


def order_link(order_code):
    # ok: VC203 -- URL parameters of a reversed view: whoever gets the link sees them
    return reverse("presale:event.order", kwargs={"order": order_code, "secret": "6zzjnumtsx136ddy"})


def start_worker(run):
    # expect: VC203 -- keyword arguments of a call that is no URL reversal
    return Thread(target=run, kwargs={"secret_key": "k3y-v4lue-c0mm1tt3d"})


class LdapAuth:
    def __init__(self, configuration):
        # ok: VC203 -- configparser's `get(section, option)`: the option's name, not a default
        self._ldap_secret = configuration.get("auth", "ldap_secret")
        # ok: VC203
        self._client_secret = configuration.get("auth", "oauth2_client_secret")

    def from_profile(self, parser, profile):
        # ok: VC203 -- configparser's `get(section, option, fallback=...)`: the option's name, and no default
        self._secret_key = parser.get(profile, "aws_secret_access_key", fallback=None)
        # expect: VC203 -- its `fallback=` is the default
        self._signing_secret = parser.get(profile, "signing_secret", fallback="dev-signing-s3cret")


def init_cookie_secret(configured):
    # ok: VC203 -- where the key comes from, a label for the log
    secret_from = "config"
    if not configured:
        secret_from = "new"
    return secret_from


from pyramid.authentication import AuthTktCookieHelper
from pyramid.session import SignedCookieSessionFactory


def pyramid_main(settings):
    # expect: VC203
    session_factory = SignedCookieSessionFactory("itsaseekreet")
    # ok: VC203
    ticket = AuthTktCookieHelper(settings["auth.secret"], hashalg="sha512")
    # expect: VC203
    legacy = AuthTktCookieHelper(secret="sosecret", secure=True, http_only=True)
    return session_factory, ticket, legacy


class MeetingApiClient:
    # ok: VC203 -- the public half of an app-key/app-secret pair: it names the app, the secret signs
    APP_KEY = "AI_MEETING"
    APP_SECRET = os.environ["MEETING_APP_SECRET"]


class PasswordContext:
    # ok: VC203 -- a stand-in hashed to spend the time a real check takes
    _dummy_secret = "too many secrets"
    # expect: VC203 -- a real signing key beside it
    _signing_secret = "Xk9pq72Lm-tR4wZ8"


class ErrorCodes:
    """The gateway's error codes, by the condition each one names."""

    class ApplePay:
        # ok: VC203 -- an error code named for a mismatched key, not a key
        PrivateKeyMismatch = "93521"
        # ok: VC203 -- the same
        SigningSecretMissing = "93522"


class ApplePaySettings:
    # expect: VC203 -- a class of settings, not of codes
    private_key = "93521-Xk9pq72Lm-tR4wZ8"


class ConversationKeys:
    def conversation_key(self, pubkey):
        # ok: VC203 -- HKDF's extract over the ECDH secret: the literal is the protocol's published salt
        return hmac.new(b"nip44-v2", self.shared_x(pubkey), "sha256").digest()

    def message_tag(self, message):
        # expect: VC203 -- the message is no key material: the literal is the key that signs it
        return hmac.new(b"nip44-v2", self.encode_payload(message), "sha256").digest()


# the installed app's client, which the identity provider does not treat as secret
not_secret = {
    "client_id": "1234-abcd.apps.example.com",
    # ok: VC203 -- the mapping is named as no secrets
    "client_secret": "xto0ExampleInstalledApp",
}
oauth_client = {
    "client_id": "1234-abcd.apps.example.com",
    # expect: VC203 -- a mapping that says nothing of its values
    "client_secret": "xto0ExampleWebApp",
}


def get_oauth_token_secret_name(provider: dict) -> str:
    """The key the provider's token secret is kept under in the session."""
    # ok: VC203 -- the function answers the name of a field, and the default is that name
    return provider.get("token_secret", "oauth_token_secret")


def get_oauth_token_secret(provider: dict) -> str:
    # expect: VC203 -- the same default where the secret itself is answered
    return provider.get("token_secret", "oauth_token_secret")


from aiohttp_session.cookie_storage import EncryptedCookieStorage
from emmett.sessions import SessionManager


def emmett_pipeline(db, auth):
    # expect: VC203
    return [SessionManager.cookies("emmett-notes-session-secret", secure=True), db.pipe, auth.pipe]


def emmett_pipeline_from_environment(db):
    # ok: VC203
    return [SessionManager.cookies(os.environ["SESSION_KEY"], secure=True), db.pipe]


def aiohttp_sessions(app):
    # expect: VC203
    storage = EncryptedCookieStorage(b"Thirty  two  length  bytes  key.")
    # ok: VC203
    kept = EncryptedCookieStorage(os.environ["SESSION_KEY"].encode())
    return storage, kept
