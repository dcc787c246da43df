"""VC407 corpus: secrets printed or logged, and the look-alike names that are not secrets."""
import json
import logging
import os
import secrets

import click
import typer
from click import secho as shout

from flask import request

logger = logging.getLogger(__name__)
log = logging.getLogger("app")
SECRET_KEY = os.environ.get("SECRET_KEY", "")


def fstring_in_logger(api_key):
    # expect: VC407
    logger.info(f"using api key {api_key}")


def percent_argument(user, password):
    # expect: VC407
    logging.debug("login %s with %s", user, password)


def print_token(access_token):
    # expect: VC407
    print("token:", access_token)


def environment_lookup_through_two_variables():
    value = os.getenv("DB_PASSWORD")
    current = value
    # expect: VC407
    log.warning("db password is %s" % current)


def config_subscript(config):
    # expect: VC407
    print(config["client_secret"])


def attribute_secret(settings):
    # expect: VC407
    logger.error("secret=%s", settings.SECRET_KEY)


def request_password():
    submitted = request.form["password"]
    message = "got {}".format(submitted)
    # expect: VC407
    logger.info(message)


def module_constant():
    # expect: VC407
    print(SECRET_KEY)


def camel_case(refreshToken):
    # expect: VC407
    logger.debug("refresh with " + refreshToken)


def token_counts(token_count, max_tokens):
    # ok: VC407
    logger.info("used %d of %d", token_count, max_tokens)


def tokenizer_use(tokenizer, text):
    # ok: VC407
    print(tokenizer.encode(text))


def masked(api_key):
    # ok: VC407
    logger.info("key ending in %s", api_key[-4:])


def length_only(password):
    # ok: VC407
    logger.debug("password has %d characters", len(password))


def hash_is_not_the_password(password_hash):
    # ok: VC407
    logger.info("stored %s", password_hash)


def pagination(next_page_token):
    # ok: VC407
    logger.info("next page %s", next_page_token)


def comparison_result(token, expected):
    # ok: VC407
    logger.info("token valid: %s", token == expected)


def secret_metadata(secret, token):
    # ok: VC407
    logger.info("rotated secret %s, token expires %s", secret.name, token.expires_at)


def secret_value_attribute(token):
    # expect: VC407
    logger.info("token value %s", token.value)


def constant_message():
    # ok: VC407
    print("password reset email sent")


def not_a_log_call(password):
    # ok: VC407
    store.save(password)


def _auth_headers(settings):
    return {"Authorization": f"Bearer {settings.service_credential}", "Accept": "application/json"}


def call_service(settings, url):
    headers = _auth_headers(settings)
    # expect: VC407 -- the headers a helper of this module builds carry the credential
    logger.debug("POST %s headers=%s", url, headers)
    proxy = {"Proxy-Authorization": settings.proxy_auth}
    # expect: VC407
    logger.debug("proxy headers %s", proxy)
    plain = {"Accept": "application/json", "User-Agent": "meetnotes/1.0"}
    # ok: VC407 -- no credential among these headers
    logger.debug("headers %s", plain)
    placeholder = {"Authorization": "Bearer <token>"}
    # ok: VC407 -- a literal placeholder, the shape of the header in a help text
    logger.info("send %s", placeholder)



@click.command()
@click.option("--api-key", envvar="SERVICE_API_KEY")
def login(api_key):
    # expect: VC407
    click.echo(f"Authenticating with {api_key}")
    # ok: VC407 -- only its last four characters
    click.echo(f"Authenticating with a key ending in {api_key[-4:]}")


def rotate(new_password):
    # expect: VC407
    typer.secho(f"New password: {new_password}", fg="green")
    # ok: VC407
    typer.echo("Password rotated.")


@cli.command()
def issue_token(email):
    token = secrets.token_urlsafe(32)
    store_token_hash(email, token)
    # expect: VC407 -- a log line keeps it
    log.info("issued token %s for %s", token, email)
    # ok: VC407 -- the command hands the key it made to whoever ran it, once
    click.echo(f"Your new API token: {token}")


@cli.command()
def show_token(email):
    token = lookup_token(email)
    # expect: VC407 -- a stored key, not one the command made
    print(f"token: {token}")


def rotate_webhook_secret():
    secret = "whsec_" + secrets.token_hex(24)
    save_secret(secret)
    # expect: VC407 -- `print` outside a command writes to a server's output
    print("new webhook secret", secret)
    # ok: VC407
    typer.secho(f"Webhook secret: {secret}", fg="yellow")


def link_phrases():
    raw = os.getenv("HIERARCHY_LINK_PHRASES", "")
    for token in raw.split(","):
        token = token.strip()
        # ok: VC407 -- a piece of a comma-separated setting, not a credential
        logger.warning("ignoring malformed entry '%s'", token)


def enabled_toolsets(toolsets_str):
    tokens = [t.strip() for t in toolsets_str.split(",")]
    tokens = [t for t in tokens if t]
    enabled = set()
    for token in tokens:
        enabled.add(token)
    # ok: VC407 -- the words of a list setting
    logger.info(f"enabled toolsets: {sorted(enabled)}")


def configured_api_tokens():
    for token in os.environ["API_TOKENS"].split(","):
        # expect: VC407 -- the pieces of a secret are secrets
        logger.info("token %s", token)


def bearer_token(header):
    token = header.split(" ")[1]
    # expect: VC407 -- split once and taken, not looped over: the credential of an `Authorization` header
    logger.info("token %s", token)


def database_credentials(response):
    secret = json.loads(response["SecretString"])
    # ok: VC407 -- the names of the fields, not their values
    logger.debug(f'Secret keys: {", ".join(secret.keys())}')
    username = secret.get("username")
    # ok: VC407 -- the record's user name, not its password
    logger.debug(f"user: {username}")
    password = secret.get("password")
    # expect: VC407
    logger.debug(f"password: {password}")
    # expect: VC407 -- an unnamed field of a secret is still the secret's
    logger.debug(f"raw: {secret['value']}")


def master_secret_arn(cluster):
    secret_arn = cluster.get("MasterUserSecret", {}).get("SecretArn", "")
    # ok: VC407 -- where the secret is kept, not what it is
    logger.debug(f"secret arn: {secret_arn}")


def next_page(pending_page_token, session):
    # ok: VC407 -- a pagination cursor's value
    logger.info("next page %s", pending_page_token.token)
    # expect: VC407
    logger.info("session %s", session.token)


def log_sharing_settings(settings, created_token):
    # ok: VC407 -- settings about tokens: whether they may be created, whether collections are found by them
    logger.info("sharing: permit %s, by token %s", settings.permit_create_token, settings.collection_by_token)
    # expect: VC407 -- the token the request created
    logger.info("created %s", created_token)


def echo_through_an_alias(api_key):
    # the echo is imported under another name: the function is walked although no call in it is named for writing
    if api_key:
        # expect: VC407
        shout(f"key {api_key}")


def writes_nothing(api_key):
    # ok: VC407
    return {"key": api_key}


class Transport:
    def log_request(self, method, url):
        # expect: VC407 -- requests' session.auth is the (user, token) pair
        logger.debug("%s %s auth=%s", method, url, self.session.auth)

    def log_client(self, client):
        # expect: VC407
        logger.info(f"using {client.auth}")

    def log_auth_kind(self):
        # ok: VC407 -- the scheme's name, not the credentials
        logger.debug("auth scheme %s", type(self.session.auth).__name__)

    def log_route(self, route):
        # ok: VC407 -- a route's auth flag is no credential
        logger.debug("route %s requires auth: %s", route.path, route.auth)


def check_api_key(apikey):
    if not API_KEY_FORMAT.match(apikey):
        # expect: VC407 -- rejected by its format, the key is still most often the real one with a typo
        logger.warning(f"An invalid API key ({apikey}) was specified.")
        # ok: VC407 -- the field named, its length shown, not its value
        logger.warning("An invalid API key (%d characters) was specified.", len(apikey))
        return False
    return True


def associate_card(body, payment):
    # expect: VC407 -- the whole card number
    logger.info("associating card %s with phone %s", body.credit_card, body.phone)
    card_number = payment["card_number"]
    # expect: VC407
    logger.debug(f"charging {card_number}")
    # expect: VC407
    print("cvv:", payment.get("cvv"))
    # ok: VC407 -- the last four digits identify the card to its owner and pay nothing
    logger.info("charged card ending %s", card_number[-4:])
    # ok: VC407 -- a card's row id and type are no card data
    logger.info("card %s (%s) stored", body.card_id, body.card_type)


REASON_BAD_TOKEN = "CSRF token missing or incorrect."
FALLBACK_TOKEN = "tok_live_51Hc0ffee"
DEFAULT_PASSPHRASE = "hunter2 please"


def reject_token(path):
    error = (REASON_BAD_TOKEN, path)
    error = "Forbidden ({0}): {1}".format(*error)
    # ok: VC407 -- a module-level sentence about the token, not the token
    logger.warning(error)
    # expect: VC407 -- a one-word module-level value named as a token is the token
    logger.warning("falling back to %s", FALLBACK_TOKEN)
    # expect: VC407 -- two words are still a credential, not a message
    logger.info(f"passphrase {DEFAULT_PASSPHRASE}")
