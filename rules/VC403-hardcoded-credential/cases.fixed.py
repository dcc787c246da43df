"""VC403 corpus: credentials written into code fire; placeholders, env lookups and lookalikes do not.

Every key below is random filler in the shape of a real one; none is a real credential.
"""
import ftplib
import os

import boto3
import jwt
import openai
import psycopg2
import requests
import typer
from fastapi import Query
from requests.auth import HTTPBasicAuth

# expect: VC403
OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]

# expect: VC403
anthropic_client_key = os.environ["ANTHROPIC_CLIENT_KEY"]

# expect: VC403
DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]

# expect: VC403
DATABASE_URL = "postgres://app:Hx7qL2vN9s@db.internal:5432/orders"

SLACK_HEADERS = {
    # expect: VC403
    "Authorization": "Bearer xoxb-2048-917361-Jx8Kq2Lm9Vn3Bc7Wd",
}


def github_client():
    # expect: VC403
    return requests.Session(), "ghp_8Jq2Lm9Vn3Bc7Wd1Fg5Hk0Tz4Xs6Yp2Rm8Qa"


def aws_client():
    # expect: VC403
    return boto3.client("s3", aws_access_key_id="AKIA4QX7Z2LM9VN3BC7W", aws_secret_access_key=os.environ["AWS_SECRET"])


def connect_db():
    # expect: VC403
    return psycopg2.connect(host="db", user="app", password=os.environ["PASSWORD"])


def env_with_a_real_default():
    # expect: VC403
    return os.environ["STRIPE_API_KEY"]


def env_password_default():
    # expect: VC403
    return os.environ["ADMIN_PASSWORD"]


def login(username, password):
    # expect: VC403
    return username == "admin" and password == "letmein42"


class Settings:
    # expect: VC403
    secret_key = os.environ["SECRET_KEY"]


# expect: VC403
def default_token(api_token="tk-7Hq2Lm9Vn3Bc7Wd1"):
    return api_token


PRIVATE_KEY = (
    # expect: VC403
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Hq2Lm9Vn3Bc7Wd1Fg5Hk0Tz4Xs6Yp2Rm8QaJx8Kq2Lm9Vn3Bc7Wd1\n"
    "-----END RSA PRIVATE KEY-----\n"
)

# ok: VC403
API_KEY = os.environ["API_KEY"]

# ok: VC403 -- a URN: SAML's authentication context class for a password sign-in, a name in a registry
AC_PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"

# expect: VC403 -- starts like a URN but names nothing: the rest is the secret
RELAY_PASSWORD = os.environ["RELAY_PASSWORD"]

# ok: VC403
password = ""

# ok: VC403
DB_PASSWORD = "changeme"

# ok: VC403
SECRET_KEY = "<your-secret-key>"

# ok: VC403
GITHUB_TOKEN = "xxxxxxxxxxxxxxxx"

# ok: VC403 -- the shape of a key around letters counting up: a redaction test's dummy
REDACTION_SAMPLES = ("sk-ant-oat01-abcdefghijklmnop", "xoxb-1234567890-abcdefghij")

# ok: VC403 -- a key typed in as short runs counting up (abc, 123, XYZ, 789, ...): a redaction test's dummy
REDACTED_ERROR = ValueError("auth failed for sk-proj-abc123XYZ789defGHI456jklMNO012pqr")

# expect: VC403 -- one short run (abc) in a generated-looking key is chance
LEAKED_ERROR = ValueError("auth failed for sk-proj-abc9fJ2kLq7Xw8RtY6uPz3mN4bV1cQ5")

# ok: VC403
TOKEN_ENV_VAR = "GITHUB_TOKEN"

# ok: VC403
token_url = "https://auth.example.com/oauth/token"

# ok: VC403
PASSWORD_FIELD = "password"


def prompt():
    # ok: VC403
    return input("Enter your password: ")


def placeholder_in_url():
    # ok: VC403
    return "postgresql://user:password@localhost/dev"


def url_from_env():
    # ok: VC403
    return f"postgres://app:{os.environ['DB_PASSWORD']}@db/orders"


def lookalike_words():
    # ok: VC403
    return "sk-learn-compatible-estimator-wrapper"


def spelled_out_key():
    # ok: VC403 -- words and a number joined by dashes: a value made up to test redaction, no generated key
    return "sk-super-secret-key-12345"


def key_in_dashed_parts():
    # expect: VC403 -- each part mixes letters, digits and cases, as a generated key's do
    return "sk-proj-Qw3rTy7UiOp2-AsDf9GhJkL4_ZxCvBnM1q"


def prefix_inside_a_word():
    # ok: VC403 -- the `sk-` of `Flask-` ends a word; a key's prefix starts one
    return "Flask-AppBuilder-Skeleton-5"


def key_after_an_option_name():
    # expect: VC403
    return "--api-key=sk-proj-Qw3rTy7UiOp2AsDf9GhJkL4ZxCvBnM1q"


def tokenizer_markers(tokenizer):
    # ok: VC403 -- a tokenizer's padding marker, not a credential
    tokenizer.add_special_tokens({"pad_token": "[!#PAD#!]", "mask_token": "[MASK]"})


# ok: VC403 -- names the flag a route sets to skip authentication
def middleware(app, exclude_from_auth_key="exclude_from_auth"):
    return app, exclude_from_auth_key


# expect: VC403
def signing_middleware(app, session_auth_key="Zq8vL2mN4pR7sT1wX5yB"):
    return app, session_auth_key


def aws_documentation_example():
    # ok: VC403
    return "AKIAIOSFODNN7EXAMPLE"


def pem_parser(line):
    # ok: VC403
    return line.startswith("-----BEGIN RSA PRIVATE KEY-----")


def reads_env_without_default():
    # ok: VC403
    return os.getenv("OPENAI_API_KEY")


def reads_env_with_fallback_after_or():
    # expect: VC403
    return os.environ["REGISTRY_PASSWORD"]


# expect: VC403
PORTAL_PASSWORD = os.environ["PORTAL_PASSWORD"]
# ok: VC403
PORTAL_HOST = os.getenv("PORTAL_HOST") or "timesheets.internal"
# ok: VC403
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD") or ""
# ok: VC403
API_TOKEN = os.getenv("API_TOKEN") or os.getenv("LEGACY_API_TOKEN")
# ok: VC403
TOKEN_HEADER = os.getenv("TOKEN_HEADER") or "Authorization"
# expect: VC403 -- a development default is the credential of every deployment that forgets the variable
CARDS_API_KEY = os.environ["CARDS_API_KEY"]
# expect: VC403
INVENTORY_API_KEY = os.environ["INVENTORY_API_KEY"]
# ok: VC403 -- the default says the variable is missing
BILLING_API_KEY = os.getenv("BILLING_API_KEY", "billing-api-key-not-set")
# expect: VC403 -- a default that spells the name and more is still the key of every deployment without the variable
ADMIN_KEY = os.environ["ADMIN_KEY"]
# expect: VC403
ADMIN_TOKEN = os.environ["ADMIN_TOKEN"]
# ok: VC403 -- only the name spelled again: a stand-in
SEARCH_API_KEY = os.getenv("SEARCH_API_KEY", "search-api-key")
# ok: VC403 -- a label spelling its name outside an environment default
PARTNER_API_KEY = "my-partner-api-key"


def token_type():
    # ok: VC403
    return {"token_type": "Bearer", "key": "value-1234"}


def issue_token(user_id):
    # expect: VC403
    return jwt.encode({"sub": user_id}, "jwt-s1gning-k3y-2024", algorithm="HS256")


def verify_token(token, settings):
    # ok: VC403
    return jwt.decode(token, settings.JWT_KEY, algorithms=["HS256"])


def lexer_token(token):
    # ok: VC403
    return token == "async"


# ok: VC403
string_token = r"[^\\\n\"]+"

# expect: VC403
FLASK_SECRET_KEY = os.environ["FLASK_SECRET_KEY"]

HEADERS = {
    # expect: VC403
    "Authorization": "Bearer 8c1f2e9a7b3d4c5e6f7a8b9c0d1e2f3a",
    # ok: VC403
    "X-Request-Id": "Bearer-like-but-not",
}

# ok: VC403
JWT_SECRET = "change-this-in-production"

# ok: VC403
INTERNAL_RESET_SESSION_TOKEN = "_password_reset_token"


class PasswordResetConfirmView:
    # ok: VC403
    reset_url_token = "set-password"


def windows_command(token):
    if token == "make":
        # ok: VC403
        token = "make.bat"
    return token


# expect: VC403
SERVICE_TOKEN = os.environ["SERVICE_TOKEN"]

# expect: VC403
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]

# expect: VC403
SLACK_WEBHOOK = "https://hooks.slack.com/services/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"

# expect: VC403
HF_TOKEN = os.environ["HF_TOKEN"]

# expect: VC403
groq_client_kwargs = {"api_key": os.environ["API_KEY"]}

# ok: VC403
HF_TOKEN_ENV = "HF_TOKEN"

RATE_LIMITS = {
    # ok: VC403 -- a rate-limit spec for the change-password view, not a password
    "change_password": "5/m/user",
    # ok: VC403 -- two limits, per IP and per key
    "reset_password": "20/m/ip,5/m/key",
    # ok: VC403
    "login_token": "30/10s/ip",
    # expect: VC403 -- a real-looking password under the same kind of key
    "admin_password": os.environ["ADMIN_PASSWORD"],
}

# ok: VC403 -- `# nosec` (bandit's B105 comment) also silences the rule that supersedes B105
DB_PASSWORD = "Tr0ub4dor&3-prod"  # nosec B105
# ok: VC403 -- a bare `# nosec` too
STAGING_PASSWORD = "Tr0ub4dor&3-stag"  # nosec
# expect: VC403 -- a `# nosec` for another check does not
REPLICA_PASSWORD = os.environ["REPLICA_PASSWORD"]  # nosec B608

# expect: VC403 -- the fix reads the variable the vendor's client reads itself (OPENAI_API_KEY)
llm = openai.OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def aws_session_settings():
    return {
        # expect: VC403
        "aws_secret_access_key": os.environ["AWS_SECRET_ACCESS_KEY"],
        # ok: VC403 -- a region, no secret
        "region_name": "eu-west-1",
    }

# ok: VC403 -- a local model server ignores the key; these are the values its docs pass
local_llm = openai.OpenAI(base_url="http://localhost:1234/v1", api_key="lm-studio")
# ok: VC403
llama_server = openai.OpenAI(base_url="http://localhost:8080/v1", api_key="sk-no-key-required")
# ok: VC403
vllm = openai.OpenAI(base_url="http://vllm:8000/v1", api_key="not-needed")


def lexer_tokens(tokens, token):
    # ok: VC403 -- a lexer's marker, not a secret
    if token == "#bygroup":
        return tokens
    # expect: VC403 -- a password that starts with a sigil is still a password
    if token == "#Tr0ub4dor&3":
        return None
    return token


SAMPLE_SETTINGS = {
    # ok: VC403 -- a sample configuration's value that spells its own slot
    "cloudfiles_api_key": "my_rackspace_api_key",
    # expect: VC403 -- ends like its slot, but with digits: a real (weak) password
    "smtp_password": os.environ["SMTP_PASSWORD"],
}


class DummySession(dict):
    def new_csrf_token(self):
        # ok: VC403 -- characters counting up: a dummy token's filler
        token = "0123456789012345678901234567890123456789"
        self["_csrft_"] = token
        return token


# expect: VC403 -- a short counting run is a weak password, not filler
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]

# ok: VC403 -- pluggable settings: the dotted path of the class that handles each secret, not a secret
SERIALIZERS = {
    "set_password": "accounts.serializers.SetPasswordSerializer",
    "reset_token": "accounts.tokens.make_reset_token",
}

# ok: VC403 -- a lazy-import table: the relative module that defines each class, not the class's credential
_dynamic_imports = {
    "OrganizationApiKey": ".types",
    "ProjectApiKeysResponse": "..projects.types",
}

# expect: VC403 -- a value that begins with a dot but is no module name is still a token
DEPLOY_SETTINGS = {"deploy_token": os.environ["DEPLOY_TOKEN"]}

# expect: VC403 -- a password with dots in it is still a password
SERVICE_SETTINGS = {"db_password": os.environ["DB_PASSWORD"]}

# ok: VC403 -- the sample response of an API schema: it documents the shape of a token, it opens nothing
LOGIN_RESPONSES = {200: {"content": {"application/json": {"example": {"access_token": "q8Lm3Nv2Kw4Jz7Xb1Cd5Ef9Gh"}}}}}

# expect: VC403 -- the same token outside an example is one the code uses
SERVICE_AUTH = {"access_token": os.environ["ACCESS_TOKEN"]}

# expect: VC403 -- a `$` inside a password is one of its characters
WAREHOUSE_PASSWORD = os.environ["WAREHOUSE_PASSWORD"]

# ok: VC403 -- a shell variable the deployment fills in
DEPLOY_PASSWORD = "$DEPLOY_DB_PASSWORD"

# ok: VC403
TEMPLATE_TOKEN = "${GITHUB_TOKEN}"


def seed_admin(User, user):
    # expect: VC403 -- Django's user manager takes the password third, by position
    User.objects.create_superuser("admin", "admin@shop.local", "Admin@12345")
    # expect: VC403
    user.set_password("s3cret-Pass!")
    # ok: VC403 -- the password comes from the environment
    User.objects.create_user("ops", "ops@shop.local", os.environ["OPS_PASSWORD"])
    # ok: VC403 -- a username and an email are not passwords
    User.objects.create_user("guest", "guest@shop.local")


# ok: VC403 -- a sentinel cache key for callers without credentials, spelled as a dunder
ANONYMOUS_AUTH_KEY = "__anonymous__"
# expect: VC403 -- underscores around a real secret do not make it a marker
SERVICE_AUTH_KEY = os.environ["SERVICE_AUTH_KEY"]


def local_model_client(base_url):
    # ok: VC403 -- a placeholder that spells its own slot: the SDK needs a non-empty key
    api_key = "api-key-not-set"
    # ok: VC403 -- a label naming the kind of credential another mechanism supplies
    return OpenAI(base_url=base_url, api_key="oauth-credentials", default_key=api_key)


def format_converters(lm_class, transport):
    # ok: VC403 -- a client built only to convert message formats: the value says the key is never sent
    converter = lm_class(api_key="conversion-only", transport=None)
    # ok: VC403
    dry_run = OpenAI(api_key="unused_in_dry_run", http_client=transport)
    # expect: VC403 -- a random part makes it a key, whatever words stand beside it
    live = OpenAI(api_key=os.environ["OPENAI_API_KEY"], http_client=transport)
    # expect: VC403 -- without labels, the default of an environment variable is every forgetful deployment's key
    fallback = os.environ["LLM_API_KEY"]
    return converter, dry_run, live, fallback


LOGON_FLAGS = {
    # ok: VC403 -- the name of a Windows logon flag, spelled as its constant
    "new_credentials": "NewCredentials",
    # expect: VC403 -- a real (weak) password made of words
    "admin_password": os.environ["ADMIN_PASSWORD"],
}

# ok: VC403 -- the fixed value a server asks for to skip its XSRF check, a short word, not a credential
ATLASSIAN_HEADERS = {"X-Atlassian-Token": "no-check"}
# expect: VC403
SERVICE_HEADERS = {"X-Auth-Token": os.environ["X_AUTH_TOKEN"]}


def order_link(event):
    # ok: VC403 -- the parameters of a link to a sample order: whoever gets the link sees them
    return eventreverse(event, "presale:event.order", kwargs={"order": "F8VVL", "secret": "6zzjnumtsx136ddy"})


def start_job(run):
    # expect: VC403 -- keyword arguments of a call that builds no link
    return schedule(run, kwargs={"password": os.environ["PASSWORD"]})


# expect: VC403 -- an Azure account key: 64 random bytes in base64
COSMOS_KEY = os.environ["COSMOS_KEY"]
# ok: VC403 -- a digest, under a name that is no key's
SHA512_DIGEST = "z4PhNX7vuL3xVChQ1m2AB9Yg+AURqv+7GJnLdvcNfK0Q/MMXGDyuDYNPRvsu+O0TKD4ij/n4jdI5NFpl6KEMHA=="
VALID_USERNAME_PASSWORD_PAIRS = {
    # expect: VC403 -- a table of logins: each value is a password
    "admin": "Sales2024!",
}
# ok: VC403 -- settings about passwords, not passwords
PASSWORD_HASHERS = {"default": "django.contrib.auth.hashers.PBKDF2PasswordHasher"}


def mail_and_api_logins(smtp, imap, session_user):
    # expect: VC403 -- `login(user, password)` takes the password second
    smtp.login("reports@shop.local", "qwerty!2024app")
    # ok: VC403 -- read from the environment
    imap.login("reports@shop.local", os.environ["IMAP_PASSWORD"])
    # ok: VC403 -- an anonymous login, no password
    smtp.login(session_user, "")
    # expect: VC403
    requests.get("https://api.shop.local/orders", auth=("api_user", "Xk9!pq72Lm"), timeout=10)
    # ok: VC403 -- the pair's password comes from the environment
    requests.get("https://api.shop.local/orders", auth=("api_user", os.environ["API_PASSWORD"]), timeout=10)
    reports = requests.Session()
    # expect: VC403 -- a session's `auth` takes the same pair
    reports.auth = ("reporter", "Rep0rt!ng2024")
    # ok: VC403
    reports.auth = ("reporter", os.environ["REPORTS_PASSWORD"])
    # ok: VC403 -- a pair of names, not an auth setting
    reports.labels = ("reporter", "Rep0rt!ng2024")
    # expect: VC403
    requests.get("https://api.shop.local/stock", auth=HTTPBasicAuth("stock", "St0ck-Reader!"), timeout=10)
    # expect: VC403 -- host, user, password
    ftplib.FTP_TLS("ftp.shop.local", "backup", "Backup#2024")
    # ok: VC403 -- host and user only; the password follows by keyword from the environment
    ftplib.FTP_TLS("ftp.shop.local", "backup", passwd=os.environ["FTP_PASSWORD"])


def portal_login(page, driver, By):
    page.goto("https://portal.example.com/login")
    page.fill("#email", "ops@example.com")
    # expect: VC403
    page.fill("input[name=password]", "Hub$2024-acme")
    # expect: VC403
    page.get_by_label("Password").fill("Hub$2024-acme")
    # expect: VC403
    driver.find_element(By.ID, "passwd").send_keys("R3ports!legacy")
    # ok: VC403 -- a search box
    page.fill("#search", "stainless kettle 1.7l")
    # ok: VC403 -- read from the environment
    page.locator("#password").fill(os.environ["PORTAL_PASSWORD"])
    # ok: VC403 -- an empty field
    page.fill("#password", "")
    # ok: VC403 -- a key press, not text
    driver.find_element(By.ID, "password").send_keys(By.RETURN_KEY)


def analytics_and_grammar(posthog):
    # ok: VC403 -- a regular expression: an RFC's token grammar
    token = r"[-!#$%&'*+.^_`|~0-9a-zA-Z]+"
    # ok: VC403 -- PostHog's project key is shipped to browsers by design
    posthog.api_key = "phc_Qd7Hk2mZr9TfW4xLp8NvB3yJc6Gs1Ua5Eo0Ri"
    # ok: VC403 -- Stripe's publishable key is meant for the browser
    stripe_publishable_key = "pk_live_51Hq8Zk2mT7rW4xLp9NvB3yJc6Gs1Ua5Eo0RiQd"
    # expect: VC403 -- PostHog's personal key opens the account
    posthog.personal_api_key = os.environ["PERSONAL_API_KEY"]
    # expect: VC403 -- Stripe's secret key
    stripe_secret_key = os.environ["STRIPE_SECRET_KEY"]
    # expect: VC403 -- brackets in a password make no pattern
    password = os.environ["PASSWORD"]
    return token, stripe_publishable_key, stripe_secret_key, password

# expect: VC403 -- the key every device shares until it gets its own
DEFAULT_DEVICE_KEY = os.environ["DEFAULT_DEVICE_KEY"]
# expect: VC403
INGEST_KEY = os.environ["INGEST_KEY"]
# ok: VC403 -- the field a lookup reads, not a key
DEVICE_KEY = "device_id"
# ok: VC403 -- a cache key's template
CACHE_DEVICE_KEY = "devices:{id}"
# ok: VC403
DEVICE_KEY_HEADER = "X-Device-Key"


class ErrorCodes:
    """The gateway's error codes, by the condition each one names."""

    class Merchant:
        # ok: VC403 -- an error code named for the condition it reports
        InvalidToken = "83520"
        # ok: VC403 -- the same
        CannotHaveFundingSourceWithoutAccessToken = "93539"


class MerchantSettings:
    # expect: VC403 -- a class of settings, not of codes
    api_token = os.environ["API_TOKEN"]


# the installed app's client, which the identity provider does not treat as secret
not_secret = {
    "client_id": "1234-abcd.apps.example.com",
    # ok: VC403 -- the mapping is named as no secrets
    "client_secret": "Kd72PxqWm4nT0bVz9LcaYe5R",
}
web_client = {
    "client_id": "1234-abcd.apps.example.com",
    # expect: VC403 -- a mapping that says nothing of its values
    "client_secret": os.environ["CLIENT_SECRET"],
}


class LdapSettings:
    @property
    def bind_password(self) -> str:
        # expect: VC403
        return "Ld@pSvc!9931"

    @property
    def bind_password_from_environment(self) -> str:
        # ok: VC403
        return os.environ["LDAP_BIND_PASSWORD"]

    @property
    def password_hint(self) -> str:
        # ok: VC403 -- a label, not a secret
        return "At least twelve characters"


def get_smtp_password():
    # expect: VC403
    return "Smtp-Relay-2024!"


admin_cli = typer.Typer()


@admin_cli.command()
def create_admin(
    username: str,
    # expect: VC403 -- typer.Option's first argument is the parameter's default
    password: str = typer.Option("Adm1n-Ops!2024", help="initial password"),
) -> None:
    typer.echo(username)


@admin_cli.command()
def reset_admin(
    # ok: VC403 -- a placeholder that asks to be changed
    password: str = typer.Argument("changeme"),
) -> None:
    typer.echo("reset")


@admin_cli.command()
def seed_admin(
    # expect: VC403 -- "change me" padded to pass the strength rules: the admin is created with it
    password: str = typer.Option("ChangeMe!2024", help="initial password"),
    # ok: VC403 -- asks to be replaced, and says where
    db_password: str = typer.Option("change-me-in-production"),
) -> None:
    typer.echo("seeded")


# expect: VC403 -- every deployment that forgets the variable has this admin password
SEED_ADMIN_PASSWORD = os.environ["SEED_ADMIN_PASSWORD"]
# ok: VC403
SEED_DB_PASSWORD = os.getenv("SEED_DB_PASSWORD", "Change_Me")


# expect: VC403
def create_staff(email: str, password: str = "Change.It#1") -> tuple[str, str]:
    return email, password


# ok: VC403 -- the variable's name in the place of its value
MAIL_PASSWORD = os.getenv("MAIL_PASSWORD", "CHANGE_ME_2")


@admin_cli.command()
def rotate_key(
    # expect: VC403
    api_token: str = typer.Option(default="tk-9Rb4Kd2Wq7Zm1Xp3", envvar="OPS_TOKEN"),
    # ok: VC403 -- asked at the prompt
    password: str = typer.Option(..., prompt=True, hide_input=True),
    # ok: VC403 -- read from the environment by typer
    secret_key: str = typer.Option(None, envvar="OPS_SECRET_KEY"),
) -> None:
    typer.echo("rotated")


def login_form(
    # ok: VC403 -- a label, not a value
    password_field: str = Query("password"),
    # expect: VC403
    db_password: str = Query("Pg-s3cr3t-2024!"),
):
    return password_field, db_password
# ok: VC403 -- a product-analytics project token ships in every client that reports events: public by design
mixpanel_project_token = "6da9a43058a5d1b9f3353153921fb04d"
# ok: VC403 -- Amplitude's ingestion key is the public one
AMPLITUDE_API_KEY = "4f1e2d3c5b6a79880a1b2c3d4e5f6a7b"
# expect: VC403 -- the project's API secret reads and deletes its data
MIXPANEL_API_SECRET = os.environ["MIXPANEL_API_SECRET"]
# expect: VC403 -- Amplitude's secret key, beside the public one
AMPLITUDE_SECRET_KEY = os.environ["AMPLITUDE_SECRET_KEY"]
# expect: VC403 -- PostHog's personal API key acts as the user
POSTHOG_PERSONAL_API_KEY = os.environ["POSTHOG_PERSONAL_API_KEY"]


class TokenEndpoints(ResourceEndpoint):
    def __init__(self, validator):
        # ok: VC403 -- the name of an HTTP authentication scheme: the kind of token, not one
        ResourceEndpoint.__init__(self, default_token="Bearer", token_types={"Bearer": BearerToken(validator)})
        # ok: VC403
        self.client = ApiClient(auth_token="Digest")
        # expect: VC403 -- a scheme's name with a secret after it is a token
        self.admin = ApiClient(auth_token=os.environ["AUTH_TOKEN"])
