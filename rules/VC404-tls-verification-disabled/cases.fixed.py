"""VC404 corpus: switching TLS verification off fires; verifying (or a caller's explicit opt-out branch) does not."""
import os
import smtplib
import socket
import ssl
import urllib.request
from ssl import CERT_NONE

import aiohttp
import httpx
import requests
import urllib3
from requests import Session


def plain_get(url):
    # expect: VC404
    return requests.get(url, timeout=5)


def aliased_post(url, payload):
    import requests as rq
    # expect: VC404
    return rq.post(url, json=payload, timeout=5)


def session_method(url):
    session = Session()
    # expect: VC404
    return session.get(url, timeout=5)


def session_attribute():
    session = requests.Session()
    # expect: VC404
    return session


class ApiClient:
    def __init__(self):
        self.session = requests.Session()
        # expect: VC404


def configure(api):
    # expect: VC404 -- reported, not fixed: without this line `api` may have no `verify` at all
    api.verify = False


def httpx_client():
    # expect: VC404
    with httpx.Client() as client:
        return client.get("https://internal/api")


async def httpx_async_client(url):
    # expect: VC404
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.get("/health")


def flag_in_a_variable(url):
    verify_tls = False
    # expect: VC404
    return requests.get(url, verify=verify_tls, timeout=5)


def verify_as_zero(url):
    # expect: VC404
    return requests.get(url, timeout=5)


def session_verify_zero():
    session = requests.Session()
    # expect: VC404
    return session


def verify_as_one(url):
    # ok: VC404 -- a true value verifies
    return requests.get(url, verify=1, timeout=5)


def unverified_context(url):
    # expect: VC404
    context = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=context)


def global_monkeypatch():
    # expect: VC404
    ssl._create_default_https_context = ssl._create_unverified_context


def manual_context():
    context = ssl.create_default_context()
    # expect: VC404
    context.check_hostname = False
    # expect: VC404
    context.verify_mode = ssl.CERT_NONE
    return context


def urllib3_pool():
    # expect: VC404
    return urllib3.PoolManager()


def client_attribute_method(self, path):
    # expect: VC404
    return self.client.request("GET", path)


def default_verification(url):
    # ok: VC404
    return requests.get(url, timeout=5)


def private_ca_bundle(url):
    # ok: VC404
    return requests.get(url, verify="/etc/ssl/internal-ca.pem", timeout=5)


def verify_true_explicit(url):
    # ok: VC404
    return httpx.get(url, verify=True)


def callers_own_choice(verify):
    context = ssl.create_default_context()
    if not verify:
        # ok: VC404
        context.check_hostname = False
        # ok: VC404
        context.verify_mode = ssl.CERT_NONE
    return context


def passes_the_parameter_through(url, verify=True):
    # ok: VC404
    return requests.get(url, verify=verify, timeout=5)


def reading_the_mode(context):
    # ok: VC404
    return context.verify_mode == ssl.CERT_NONE


def required_mode():
    context = ssl.create_default_context()
    # ok: VC404
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def jwt_signature_is_another_topic(jwt, token):
    # ok: VC404
    return jwt.decode(token, verify=False)


def some_other_flag(obj):
    # ok: VC404
    obj.verify = True


def wrapped_socket_imported_constant(host):
    sock = socket.create_connection((host, 443))
    # expect: VC404
    return ssl.wrap_socket(sock, cert_reqs=CERT_NONE)


# ok: VC404 -- the level an option starts at (a server that asks no client certificate); it configures no connection
SSL_CERT_REQS_OPTION = click.option("--ssl-cert-reqs", type=int, default=int(ssl.CERT_NONE))


def cert_none_converted_then_passed(sock):
    # expect: VC404 -- the converted level still reaches the connection
    return ssl.wrap_socket(sock, cert_reqs=ssl.VerifyMode(int(ssl.CERT_NONE)))


def cert_none_in_a_dict_comparison(context):
    modes = {"strict": ssl.CERT_REQUIRED}
    # ok: VC404
    return modes.get("strict") != CERT_NONE


def cert_level_from_a_setting(level_name):
    # ok: VC404 -- a table from configured names to every certificate level chooses none itself
    levels = {"required": ssl.CERT_REQUIRED, "optional": ssl.CERT_OPTIONAL, "none": CERT_NONE}
    return levels[level_name]


def options_naming_one_level(websocket, url):
    # expect: VC404 -- an options mapping with only the off switch
    return websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE, "check_hostname": False})


def websocket_options(websocket, url):
    # expect: VC404
    return websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE})


def request_options_dict(url):
    options = {"timeout": 5}
    # expect: VC404
    options["verify"] = False
    return requests.get(url, **options)


def request_options_verified(url):
    options = {"timeout": 5}
    # ok: VC404
    options["verify"] = True
    return requests.get(url, **options)


def session_made_in_place(url):
    # expect: VC404
    return requests.Session().get(url, timeout=5)


def one_argument_per_line(url, token):
    # expect: VC404
    return requests.post(
        url,
        headers={"Authorization": token},
        timeout=5,
    )


async def aiohttp_without_ssl(url):
    async with aiohttp.ClientSession() as session:
        # expect: VC404
        async with session.get(url) as response:
            return await response.text()


def smtp_starttls_without_context(host, user, password):
    import smtplib

    with smtplib.SMTP(host, 587) as server:
        # expect: VC404
        server.starttls()
        server.login(user, password)


def smtp_ssl_without_context(host):
    import smtplib as mail

    # expect: VC404
    return mail.SMTP_SSL(host, 465)


def imap_ssl_with_none(host):
    import imaplib

    # expect: VC404
    return imaplib.IMAP4_SSL(host, ssl_context=None)


def smtp_starttls_verified(host, user, password):
    import smtplib

    with smtplib.SMTP(host, 587) as server:
        # ok: VC404
        server.starttls(context=ssl.create_default_context())
        server.login(user, password)


def imap_starttls_verified(host):
    import imaplib

    connection = imaplib.IMAP4(host)
    # ok: VC404
    connection.starttls(ssl.create_default_context())
    return connection


def smtp_ssl_verified(host):
    import smtplib

    # ok: VC404
    return smtplib.SMTP_SSL(host, 465, context=ssl.create_default_context())


class Mailer:
    def __init__(self, host):
        import smtplib

        self.server = smtplib.SMTP(host, 587)

    def open(self, user, password):
        # expect: VC404
        self.server.starttls()
        self.server.login(user, password)


def context_for_the_callers_flag(verified):
    if verified:
        return ssl.create_default_context()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if not verified:
        # ok: VC404 -- the caller asked for an unverified context with its own flag
        context.check_hostname = False
    return context


def context_for_the_callers_flag_else_branch(verified):
    if verified:
        context = ssl.create_default_context()
    else:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # ok: VC404 -- the `else` of the caller's flag
        context.verify_mode = ssl.CERT_NONE
    return context


def _make_insecure_ssl_context():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ok: VC404 -- a builder named for the unverified context its callers ask for
    context.check_hostname = False
    # ok: VC404
    context.verify_mode = ssl.CERT_NONE
    return context


def fetch_unverified(url):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # expect: VC404 -- the name says so, but the function uses the context itself instead of handing it back
    context.check_hostname = False
    return urllib.request.urlopen(url, context=context)


def make_context_for_internal_api():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # expect: VC404 -- nothing in the name or a flag says the caller chose this
    context.check_hostname = False
    return context


class ContextLikeWrapper:
    """Copies the `ssl.SSLContext` API over another TLS library and checks host names itself."""

    def __init__(self, protocol):
        self.protocol = protocol
        # ok: VC404 -- this class's own field, not an SSL context's
        self.check_hostname = False


class LenientContext(ssl.SSLContext):
    def __init__(self, protocol):
        super().__init__(protocol)
        # expect: VC404 -- a real context class turns its own checking off
        self.check_hostname = False


class ApiClient:
    def __init__(self):
        # expect: VC404 -- `verify` on a client is what its requests use
        self.verify = False


async def tornado_fetch(url):
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    # expect: VC404
    response = await AsyncHTTPClient().fetch(url, request_timeout=10)
    # expect: VC404
    request = HTTPRequest(url, method="GET")
    # ok: VC404
    checked = await AsyncHTTPClient().fetch(url, validate_cert=True, ca_certs="/etc/ssl/internal-ca.pem")
    return response, request, checked


# expect: VC404 -- passed on by another module: `verify=settings.VERIFY_SSL`
VERIFY_SSL = False
# ok: VC404 -- verification on
VERIFY_TLS = True
# ok: VC404 -- not a verification switch
DEBUG_SSL = False


class ServiceSettings:
    # expect: VC404
    verify_certs: bool = False
    # ok: VC404
    ssl_verify: bool = True


class DockerContextConfig:
    # ok: VC404 -- a switch named for skipping the check: `False` keeps it on
    skip_tls_verify: bool = False
    # ok: VC404 -- the same, turned around by `no`
    no_verify_ssl: bool = False
    # expect: VC404 -- a prefix that turns nothing around
    remote_tls_verify: bool = False


INTERNAL_VERIFY_SSL = False


def call_internal(url):
    # expect: VC404 -- reported where it is passed, not also where it is set
    return requests.get(url, verify=INTERNAL_VERIFY_SSL, timeout=5)


def key_modes_of_use(data):
    modes = {}
    modes["sign"] = data.get("Sign", False)
    # ok: VC404 -- a key's allowed uses: verifying signatures is one of them, no request is made with this mapping
    modes["verify"] = False
    return modes


def request_options(data):
    options = {"timeout": 5}
    options["signed"] = True
    # expect: VC404 -- request options, whatever else they hold
    options["verify"] = False
    return options


def cloud_clients(region, session):
    import boto3

    # expect: VC404
    ec2 = boto3.client("ec2", region_name=region)
    # expect: VC404
    s3 = session.resource("s3")
    # ok: VC404 -- a CA bundle
    sts = boto3.client("sts", verify="/etc/ssl/internal-ca.pem")
    return ec2, s3, sts


def kubernetes_configuration(host, token):
    from kubernetes import client

    configuration = client.Configuration()
    configuration.host = host
    # expect: VC404
    configuration.verify_ssl = False
    return client.ApiClient(configuration)


def kubernetes_configuration_with_ca(host, ca_file):
    from kubernetes import client

    configuration = client.Configuration()
    configuration.ssl_ca_cert = ca_file
    # ok: VC404
    configuration.verify_ssl = True
    return client.ApiClient(configuration)


def browser_context(browser):
    # expect: VC404
    return browser.new_context(ignore_https_errors=True, accept_downloads=True)


async def browser_page(playwright):
    # expect: VC404
    browser = await playwright.chromium.launch(args=["--no-sandbox", "--ignore-certificate-errors"])
    insecure = True
    # expect: VC404 -- through a name
    context = await browser.new_context(ignore_https_errors=insecure)
    return await context.new_page()


def browser_context_for(browser, ignore_tls_errors: bool):
    # ok: VC404 -- the caller's own choice, passed through
    return browser.new_context(ignore_https_errors=ignore_tls_errors)


def browser_context_checked(browser):
    # ok: VC404
    return browser.new_context(ignore_https_errors=False)


def chrome_options(webdriver, insecure: bool):
    options = webdriver.ChromeOptions()
    # ok: VC404
    options.add_argument("--headless=new")
    # expect: VC404
    options.add_argument("--ignore-certificate-errors")
    # expect: VC404
    options.accept_insecure_certs = True
    # expect: VC404
    options.set_capability("acceptInsecureCerts", True)
    # ok: VC404
    options.set_capability("acceptInsecureCerts", False)
    if insecure:
        # ok: VC404 -- an opt-out branch for a staging host
        options.add_argument("--ignore-ssl-errors=yes")
    return options


def remote_capabilities():
    # expect: VC404
    return {"browserName": "chrome", "acceptInsecureCerts": True}


def command_line(argparse):
    parser = argparse.ArgumentParser()
    # ok: VC404 -- a program's own command-line option of that name, not a browser switch
    parser.add_argument("--ignore-certificate-errors", action="store_true")
    return parser


async def pyppeteer_browser(launch):
    # expect: VC404
    return await launch(headless=True, ignoreHTTPSErrors=True)


class PinnedPoolAdapter(requests.adapters.HTTPAdapter):
    """Hands urllib3 its own context: urllib3 matches the host name when the context's check is off."""

    def __init__(self, cafile, **kwargs):
        from urllib3.util.ssl_ import create_urllib3_context

        context = create_urllib3_context()
        # ok: VC404 -- urllib3's pool checks the host name itself for the context it made
        context.check_hostname = False
        context.load_verify_locations(cafile=cafile)
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self._context
        return super().init_poolmanager(*args, **kwargs)


def vendored_urllib3_context(cafile):
    from requests.packages.urllib3.util.ssl_ import create_urllib3_context as make_context

    context = make_context()
    # ok: VC404 -- the same factory through requests' vendored path
    context.check_hostname = False
    context.load_verify_locations(cafile=cafile)
    return urllib3.PoolManager(ssl_context=context)


def urllib3_context_to_urlopen(url):
    from urllib3.util.ssl_ import create_urllib3_context

    context = create_urllib3_context()
    # expect: VC404 -- the standard library's client does no host name check of its own
    context.check_hostname = False
    return urllib.request.urlopen(url, context=context)


def urllib3_context_accepting_any_certificate():
    from urllib3.util.ssl_ import create_urllib3_context

    context = create_urllib3_context()
    context.check_hostname = False
    # expect: VC404 -- no certificate check at all, so urllib3 has no host name to match
    context.verify_mode = ssl.CERT_NONE
    return urllib3.PoolManager(ssl_context=context)


def stdlib_context_to_urllib3():
    context = ssl.create_default_context()
    # expect: VC404 -- not urllib3's context: nothing says who checks the host
    context.check_hostname = False
    return urllib3.PoolManager(ssl_context=context)


def mqtt_client_accepting_any_host(ca_file):
    import paho.mqtt.client as mqtt

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.tls_set(ca_certs=ca_file)
    # expect: VC404
    client.tls_insecure_set(True)
    return client


def mqtt_client_insecure_through_a_name(ca_file):
    import paho.mqtt.client as mqtt

    skip_host_check = True
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.tls_set(ca_certs=ca_file)
    # expect: VC404
    client.tls_insecure_set(skip_host_check)
    return client


def mqtt_client_checking_the_host(ca_file, insecure_tls=False):
    import paho.mqtt.client as mqtt

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.tls_set(ca_certs=ca_file)
    # ok: VC404
    client.tls_insecure_set(False)
    if insecure_tls:
        # ok: VC404 -- the caller's own opt-out
        client.tls_insecure_set(True)
    return client


def mqtt_client_from_settings(client, settings):
    # ok: VC404 -- configured elsewhere: the value cannot be seen here
    client.tls_insecure_set(settings.mqtt_tls_insecure)


PARTNER_CLIENT_OPTIONS = {"timeout": 10, "verify": False}
PARTNER_CHECKED_OPTIONS = {"timeout": 10, "verify": "/etc/ssl/partner-ca.pem"}
PARTNER_BUNDLE_OPTIONS = {"timeout": 10, "verify": False}
PARTNER_BUNDLE_OPTIONS["verify"] = os.environ.get("PARTNER_CA_BUNDLE", True)


async def partner_invoices_through_unpacked_options():
    # expect: VC404
    async with httpx.AsyncClient(**PARTNER_CLIENT_OPTIONS) as client:
        return (await client.get("https://partner.example.com/invoices")).json()


def partner_statements_through_local_options(url):
    options = dict(verify=False, allow_redirects=False)
    # expect: VC404
    return requests.get(url, timeout=10, **options)


async def partner_invoices_with_a_rewritten_bundle():
    # ok: VC404 -- the module sets the entry to a CA bundle after the literal
    async with httpx.AsyncClient(**PARTNER_BUNDLE_OPTIONS) as client:
        return (await client.get("https://partner.example.com/invoices")).json()


async def partner_invoices_with_a_ca_bundle():
    # ok: VC404
    async with httpx.AsyncClient(**PARTNER_CHECKED_OPTIONS) as client:
        return (await client.get("https://partner.example.com/invoices")).json()


def partner_statements_with_checked_options(url):
    options = {"verify": True, "allow_redirects": False}
    # ok: VC404
    return requests.get(url, timeout=10, **options)


def ssh_to_inventory_host(host, user, password):
    import paramiko

    client = paramiko.SSHClient()
    # expect: VC404
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username=user, password=password, timeout=10)
    return client


def ssh_with_a_policy_class(host):
    from paramiko import SSHClient, WarningPolicy

    ssh = SSHClient()
    # expect: VC404
    ssh.set_missing_host_key_policy(WarningPolicy)
    ssh.connect(host)
    return ssh


def ssh_with_a_policy_bound_first(host):
    import paramiko as pm

    policy = pm.client.AutoAddPolicy()
    ssh = pm.SSHClient()
    # expect: VC404
    ssh.set_missing_host_key_policy(policy)
    ssh.connect(host)
    return ssh


async def asyncssh_without_known_hosts(host, command):
    import asyncssh

    # expect: VC404
    async with asyncssh.connect(host, username="deploy", known_hosts=None) as conn:
        return await conn.run(command, check=True)


def ssh_with_known_keys(host):
    import paramiko

    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: VC404
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host)
    return client


async def asyncssh_with_a_known_hosts_file(host, command):
    import asyncssh

    # ok: VC404
    async with asyncssh.connect(host, known_hosts="/etc/deploy/known_hosts") as conn:
        return await conn.run(command, check=True)


def known_hosts_none_elsewhere(cache):
    # ok: VC404 -- not an SSH client's option
    return cache.lookup(known_hosts=None)


def ssh_with_a_configured_policy(client, policy):
    # ok: VC404 -- the policy is chosen elsewhere
    client.set_missing_host_key_policy(policy)
