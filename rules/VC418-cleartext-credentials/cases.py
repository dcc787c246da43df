"""VC418 corpus: credentials over http://, plain FTP and SMTP/IMAP/POP3 before STARTTLS fire; TLS and loopback do not."""
import ftplib
import imaplib
import os
import poplib
import smtplib
import ssl
from ftplib import FTP, FTP_TLS

import httpx
import requests
import requests as rq

API_BASE = "http://api.example.com/v1"
LOCAL_API = "http://localhost:8000/api"
SECURE_API = "https://api.example.com/v1"
API_KEY = os.environ["API_KEY"]


def basic_auth_over_http(user, password):
    # expect: VC418
    return requests.get("http://reports.example.com/daily", auth=(user, password), timeout=10)


def bearer_header_through_a_base_url(token):
    # expect: VC418
    return rq.post(f"{API_BASE}/orders", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def api_key_in_query_string():
    # expect: VC418
    return httpx.get(f"http://weather.example.com/data?city=Paris&api_key={API_KEY}", timeout=10)


def password_in_json_body(username, password):
    url = "http://auth.example.com/login"
    # expect: VC418
    return requests.post(url, json={"username": username, "password": password}, timeout=10)


def password_in_url_userinfo():
    # expect: VC418
    return requests.get("http://admin:hunter2@router.example.com/status", timeout=10)


def session_with_api_key_header(key):
    session = requests.Session()
    # expect: VC418
    return session.get("http://internal.example.com/metrics", headers={"X-API-Key": key}, timeout=10)


def ftp_login_in_constructor(password):
    # expect: VC418
    with FTP("ftp.example.com", "deploy", password) as ftp:
        ftp.retrlines("LIST")


def ftp_login_method(user, password):
    ftp = ftplib.FTP("ftp.example.com")
    # expect: VC418
    ftp.login(user, password)
    return ftp.nlst()


def smtp_login_without_starttls(message, user, password):
    with smtplib.SMTP("smtp.example.com", 587) as server:
        # expect: VC418
        server.login(user, password)
        server.send_message(message)


def imap_login_plain(user, password):
    mailbox = imaplib.IMAP4("imap.example.com")
    # expect: VC418
    mailbox.login(user, password)
    return mailbox.select("INBOX")


def pop_password_plain(user, password):
    pop = poplib.POP3("pop.example.com")
    pop.user(user)
    # expect: VC418
    pop.pass_(password)


def password_added_to_a_base_url(password):
    url = "http://reports.example.com/login"
    url = f"{url}?password={password}"
    # expect: VC418 -- the second binding extends the first: its `url` is the text before it
    return requests.get(url, timeout=10)


def key_appended_in_steps(key):
    url = API_BASE
    url += "/orders"
    url = url + "?api_key=" + key
    # expect: VC418
    return requests.get(url, timeout=10)


def password_appended_after_a_rebuild(password):
    url = "http://reports.example.com"
    url = f"{url}/login"
    url += "?password=" + password
    # expect: VC418 -- `+=` keeps the rebuilt text before it
    return requests.get(url, timeout=10)


def https_with_auth(user, password):
    # ok: VC418
    return requests.get("https://reports.example.com/daily", auth=(user, password), timeout=10)


def https_base_url(token):
    # ok: VC418
    return rq.post(f"{SECURE_API}/orders", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def loopback_during_development(token):
    # ok: VC418
    return requests.get(f"{LOCAL_API}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def http_without_credentials():
    # ok: VC418
    return requests.get("http://example.com/robots.txt", timeout=10)


def http_with_ordinary_fields(query):
    # ok: VC418
    return requests.get("http://search.example.com/", params={"q": query, "page_token": "2"}, timeout=10)


def host_not_written_out(host, token):
    # ok: VC418 -- the scheme is fixed but the host comes from configuration
    return requests.get(f"http://{host}/api", headers={"Authorization": token}, timeout=10)


def url_rebuilt_from_itself(base, token):
    url = base
    url = f"{url}/orders"
    url = url + "?page=1"
    # ok: VC418 -- the scheme is not written out (and a name bound to itself is followed a few steps, then given up)
    return requests.get(url, headers={"Authorization": token}, timeout=10)


def ftp_over_tls(user, password):
    ftp = FTP_TLS("ftp.example.com")
    # ok: VC418
    ftp.login(user, password)
    ftp.prot_p()


def anonymous_ftp():
    ftp = ftplib.FTP("ftp.gnu.org")
    # ok: VC418
    ftp.login()
    return ftp.nlst()


def smtp_with_starttls(message, user, password):
    with smtplib.SMTP("smtp.example.com", 587) as server:
        server.starttls(context=ssl.create_default_context())
        # ok: VC418
        server.login(user, password)
        server.send_message(message)


def smtp_over_ssl(message, user, password):
    with smtplib.SMTP_SSL("smtp.example.com", 465, context=ssl.create_default_context()) as server:
        # ok: VC418
        server.login(user, password)
        server.send_message(message)


def imap_over_ssl(user, password):
    mailbox = imaplib.IMAP4_SSL("imap.example.com")
    # ok: VC418
    mailbox.login(user, password)


def pop_after_stls(user, password):
    pop = poplib.POP3("pop.example.com")
    pop.stls(context=ssl.create_default_context())
    # ok: VC418
    pop.pass_(password)


def other_login_methods(client, user, password):
    # ok: VC418
    client.login(user, password)


import grpc
from concurrent import futures


def get_balance(account_id: int) -> int:
    api_key = os.environ["LEDGER_API_KEY"]
    # expect: VC418
    with grpc.insecure_channel("ledger.internal:50051") as channel:
        stub = LedgerStub(channel)
        return stub.GetAccount(AccountRequest(account_id=account_id), metadata=[("x-api-key", api_key)]).balance


def get_balance_tls(account_id: int) -> int:
    api_key = os.environ["LEDGER_API_KEY"]
    # ok: VC418
    with grpc.secure_channel("ledger.internal:50051", grpc.ssl_channel_credentials()) as channel:
        stub = LedgerStub(channel)
        return stub.GetAccount(AccountRequest(account_id=account_id), metadata=[("x-api-key", api_key)]).balance


def get_balance_local(account_id: int) -> int:
    api_key = os.environ["LEDGER_API_KEY"]
    # ok: VC418 -- the loopback
    with grpc.insecure_channel("localhost:50051") as channel:
        stub = LedgerStub(channel)
        return stub.GetAccount(AccountRequest(account_id=account_id), metadata=[("x-api-key", api_key)]).balance


def ping_ledger() -> bool:
    # ok: VC418 -- no credential sent
    with grpc.insecure_channel("ledger.internal:50051") as channel:
        return LedgerStub(channel).Ping(PingRequest(), metadata=[("x-request-id", "1")]).ok


def create_issue_on_internal_service(project_id, token, payload):
    # expect: VC418 -- a compose service name: reported at low severity, the hop is still clear text
    return requests.post(f"http://server:8001/api/projects/{project_id}/issues", json=payload,
                         headers={"Authorization": f"Bearer {token}"}, timeout=10)


def internal_service_without_credentials(payload):
    # ok: VC418 -- an internal hop that carries no credential
    return requests.post("http://worker:9000/jobs", json=payload, timeout=10)


def serve_with_optional_tls(port: str) -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    if os.environ.get("TLS_CERT"):
        creds = grpc.ssl_server_credentials([(read_key(), read_cert())])
        server.add_secure_port(f"[::]:{port}", creds)
    else:
        # expect: VC418 -- the plain fallback when no certificate is configured
        server.add_insecure_port(f"0.0.0.0:{port}")
    server.start()


async def serve_aio_with_key_check(port: int) -> None:
    server = grpc.aio.server(interceptors=[RequestLogInterceptor(), auth.ApiKeyInterceptor()])
    # expect: VC418 -- the API key the interceptor checks arrives in clear text
    server.add_insecure_port(f"[::]:{port}")
    await server.start()


def serve_behind_proxy() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(), interceptors=[ApiKeyInterceptor()])
    # ok: VC418 -- the loopback, a TLS proxy in front
    server.add_insecure_port("127.0.0.1:50051")
    server.start()


def serve_public_data(port: int) -> None:
    server = grpc.server(futures.ThreadPoolExecutor(), interceptors=[RequestLogInterceptor()])
    # ok: VC418 -- no TLS branch and no credential checked here
    server.add_insecure_port(f"[::]:{port}")
    server.start()


def serve_on_socket(path: str, port: str) -> None:
    server = grpc.server(futures.ThreadPoolExecutor())
    server.add_secure_port(f"[::]:{port}", grpc.ssl_server_credentials([(read_key(), read_cert())]))
    # ok: VC418 -- a Unix socket for the sidecar beside the TLS port
    server.add_insecure_port(f"unix:{path}")
    server.start()
