"""VC410 corpus: passwords stored or compared unhashed, and the hashed look-alikes."""
import base64
import json
import os
import subprocess

import bcrypt
import requests
from django.contrib.auth.hashers import make_password
from flask import Flask, request
from passlib.context import CryptContext
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
pwd_context = CryptContext(schemes=["bcrypt"])
USERS = {}


class User:
    objects = None

    def __init__(self, username, password):
        self.username = username
        # ok: VC410
        self.password = password


@app.post("/register")
def register_model_attribute():
    db = get_db()
    user = User.query.first()
    new_password = request.form["password"]
    # expect: VC410
    user.password = new_password
    db.session.commit()


@app.post("/signup")
def register_constructor():
    data = request.get_json()
    secret = data["password"]
    # expect: VC410
    account = User(username=data["username"], password=secret)
    return account


def django_create(request):
    # expect: VC410
    User.objects.create(username=request.POST["username"], password=request.POST["password"])


@app.post("/sql")
def sql_insert():
    db = get_db()
    username = request.form["username"]
    pw = request.form.get("pwd")
    # expect: VC410
    db.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, pw))


def in_memory_store(username, password):
    # expect: VC410
    USERS[username] = password


def mongo_insert(collection, email, password):
    # expect: VC410
    collection.insert_one({"email": email, "password": password})


def file_store(username, passwd):
    with open("users.json", "w") as handle:
        # expect: VC410
        json.dump({"user": username, "password": passwd}, handle)


@app.post("/login")
def compare_with_stored():
    db = get_db()
    user = db.get_user(request.form["username"])
    # expect: VC410
    if user.password == request.form["password"]:
        return "welcome"
    return "denied"


def dict_compare(username, password):
    # expect: VC410
    return USERS.get(username) == password


def row_by_position(cursor, username, password):
    user = cursor.execute("SELECT id, name, password FROM users WHERE name = ?", (username,)).fetchone()
    # expect: VC410
    return user is not None and user[2] == password


def check_email_exists(rows, email_forgot_passwd):
    for user in rows:
        # ok: VC410 -- the row's `email` field, met by the address a forgot-password form asks for: no password here
        if user["email"] == email_forgot_passwd:
            return True
    for row in rows:
        # expect: VC410 -- a row's password field, met by the password as typed
        if row["passwd"] == email_forgot_passwd:
            return True
    return False


@app.post("/signup-file")
def text_file_store():
    username = request.form.get("username")
    password = request.form.get("password")
    with open("users.txt", "a") as handle:
        # expect: VC410
        handle.write(f"{username}:{password}\n")


@app.post("/signup-mongo")
def record_built_first(collection):
    record = {"username": request.json["username"], "password": request.json["password"]}
    document = record
    # expect: VC410
    collection.insert_one(document)


def wtforms_field(form, user):
    # expect: VC410
    user.password_hash = form.password.data


@app.post("/register-hashed")
def hashed_werkzeug():
    db = get_db()
    user = User.query.first()
    # ok: VC410
    user.password = generate_password_hash(request.form["password"])
    db.session.commit()


def hashed_bcrypt(collection, email, password):
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
    # ok: VC410
    collection.insert_one({"email": email, "password": hashed})


def hashed_django(username, password):
    # ok: VC410
    User.objects.create(username=username, password=make_password(password))


def hashed_passlib(db, username, password):
    # ok: VC410
    db.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, pwd_context.hash(password)))


def register_with_hash_from_caller(model, username, hashed_password, encrypted_pwd):
    user = model()
    # ok: VC410 -- the caller hashed it: the name says so
    user.password = hashed_password
    # ok: VC410
    user.pwd = encrypted_pwd


def register_with_plain_and_hash(model, new_password, password_hash):
    user = model()
    # expect: VC410
    user.password = new_password
    # ok: VC410
    user.password = password_hash


def django_create_user(username, password):
    # ok: VC410
    User.objects.create_user(username=username, password=password)


@app.post("/login-hashed")
def verify_hash():
    db = get_db()
    user = db.get_user(request.form["username"])
    # ok: VC410
    if check_password_hash(user.password, request.form["password"]):
        return "welcome"
    return "denied"


def hashed_line(handle, username, password):
    # ok: VC410
    handle.write(f"{username}:{generate_password_hash(password)}\n")


def confirm_matches(password, password_confirm):
    # ok: VC410
    return password == password_confirm


def use_password_to_log_in(smtp, user, password):
    # ok: VC410
    smtp.login(user, password)


def connect_database(host, password):
    # ok: VC410
    return DatabaseClient(host=host, password=password)


def connect_cache(host, port, password):
    import redis
    from redis.asyncio import Redis

    # ok: VC410 -- redis-py's client logs in to the server with the password, it keeps no record
    sync = redis.Redis(host=host, port=port, password=password)
    # ok: VC410 -- the asyncio client, imported by its class name
    return sync, Redis(host=host, port=port, password=password)


def soap_client(wsdl, merchant_id, password, key_file, key_password):
    import suds.wsse
    from urllib3.poolmanager import PoolManager
    from zeep.wsse.username import UsernameToken

    security = suds.wsse.Security()
    # ok: VC410 -- a WS-Security header: suds sends the password to the SOAP service with each call, it keeps no record
    security.tokens.append(suds.wsse.UsernameToken(username=merchant_id, password=password))
    # ok: VC410 -- zeep's WS-Security header, the same
    header = UsernameToken(merchant_id, password=password)
    # ok: VC410 -- urllib3 unlocks the client certificate's key with its password
    pool = PoolManager(cert_file=key_file, key_file=key_file, key_password=key_password)
    return security, header, pool


def save_merchant_account(merchant_id, password):
    from .models import MerchantAccount

    # expect: VC410
    return MerchantAccount(username=merchant_id, password=password)


async def create_user(user_manager, email, password):
    # ok: VC410 -- an input schema carries the password to the manager, which hashes it
    return await user_manager.create(UserCreate(email=email, password=password))


def save_login(host, password):
    # expect: VC410 -- a project class that is no client keeps what it is given
    return Account(host=host, password=password).save()


@app.post("/profile")
def non_password_field():
    user = User.query.first()
    # ok: VC410
    user.display_name = request.form["name"]


@app.post("/remember")
def remember_me():
    response = app.make_response("ok")
    # expect: VC410
    response.set_cookie("password", request.form["password"], secure=True, httponly=True, samesite="Strict")
    return response


def remember_pair(response, username, password):
    # expect: VC410
    response.set_cookie(key="remember", value=f"{username}:{password}", secure=True, httponly=True)


def remember_token(response, token):
    # ok: VC410 -- a random token, not the password
    response.set_cookie("remember", token, secure=True, httponly=True)


def login_by_url(requests_session, base_url, username, password):
    import requests
    # expect: VC410
    return requests.get(f"{base_url}/login?user={username}&password={password}", timeout=5)


def login_by_params(username, pwd):
    import httpx
    # expect: VC410
    return httpx.get("https://api.example.com/login", params={"user": username, "pwd": pwd}, timeout=5)


def login_by_concatenation(username, secret):
    import requests
    # expect: VC410
    return requests.post("https://api.example.com/auth?user=" + username + "&password=" + secret, timeout=5)


def login_in_body(username, password):
    import requests
    # ok: VC410
    return requests.post("https://api.example.com/login", json={"user": username, "password": password}, timeout=5)


def reset_link(token):
    import requests
    # ok: VC410 -- a reset token, not a password
    return requests.get(f"https://api.example.com/reset?password_reset_token={token}", timeout=5)


def store_encoded(user, password):
    # expect: VC410 -- base64 is an encoding anyone can reverse, not a hash
    user.password = base64.b64encode(password.encode()).decode()


def store_hashed(user, password):
    # ok: VC410
    user.password = bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def load_signing_key(pem, key_password):
    # ok: VC410 -- the password unlocks the key material, nothing keeps it
    return PrivateKey(pem, password=key_password)


def open_keystore(path, store_password):
    # ok: VC410
    return Certificate(path, password=store_password)



def connection_kwargs(host, password, ssl_password=None, **kwargs):
    options = {"host": host}
    # ok: VC410 -- a dict of keyword arguments the function builds for a connection: it keeps nothing
    options.update({"password": password})
    # ok: VC410
    kwargs["ssl_password"] = ssl_password
    return Connection(**options, **kwargs)


def ssl_context(certfile, ssl_password):
    # ok: VC410 -- the password unlocks the certificate's key, nothing keeps it
    return RedisSSLContext(certfile=certfile, password=ssl_password)


def save_account(db, name, password):
    record = load_record(db, name)
    # expect: VC410 -- a record the function did not build: `update` writes it
    record.update({"password": password})
    users = {}
    # ok: VC410 -- a dict the function builds
    users[name] = password
    users = load_users(db)
    # expect: VC410 -- rebound to the stored users
    users[name] = password


def replaced_url(url, username=None, password=None):
    kw: dict = {}
    if username is not None:
        kw["username"] = username
    if password is not None:
        # ok: VC410 -- an annotated dict the function builds: the keyword arguments of the call below
        kw["password"] = password
    return url.replace(**kw)


def save_annotated(db, name, password):
    accounts: dict = load_users(db)
    # expect: VC410 -- annotated, but bound to the stored users
    accounts[name] = password


class PasswordStoreProvider:
    def __init__(self, passphrase):
        self._env = os.environ.copy()
        # ok: VC410 -- the environment of the `pass` child process: it keeps nothing
        self._env["PASSWORD_STORE_GPG_OPTS"] = f"--passphrase {passphrase}"


def dump_with_pg(host, password, accounts):
    env = dict(os.environ)
    # ok: VC410
    env["PGPASSWORD"] = password
    # expect: VC410 -- a registry of accounts keeps it
    accounts[host] = password
    return subprocess.run(["pg_dump", "-h", host], env=env, check=True)


class EncryptedDatabase:
    def set_passphrase(self, passphrase):
        # ok: VC410 -- the arguments the driver's connect() gets when the database opens
        self.connect_params["passphrase"] = passphrase
        # ok: VC410
        self._connect_kwargs["password"] = passphrase
        # expect: VC410 -- a table of users keeps it
        self.user_passwords["admin"] = passphrase
        # expect: VC410 -- a cache of parameters' values is still a store
        self.params_cache["passphrase"] = passphrase



class PgExecutor:
    def connect(self, database=None, user=None, password=None, **kwargs):
        conn_params = self._conn_params.copy()
        # ok: VC410 -- psycopg's connection parameters, filled in place for the connect() below
        conn_params.update({"dbname": database, "user": user, "password": password})
        # ok: VC410
        self.connect_kwargs.setdefault("password", password)
        # expect: VC410 -- a table of users filled in place keeps it
        self.user_passwords.update({"password": password})
        # expect: VC410 -- a cache of parameters' values is still a store
        self.params_cache.update({"password": password})
        return self.driver.connect(**conn_params)

class ModifyPassword(ExtendedOperation):
    def __init__(self, connection, old_password=None, new_password=None):
        # ok: VC410 -- ldap3: the ASN.1 value of the password-modify request sent to the server
        self.request_value["oldPasswd"] = old_password
        # ok: VC410
        self.request_value["newPasswd"] = new_password
        # expect: VC410 -- what the request answered is kept
        self.response_value["newPasswd"] = new_password
        # expect: VC410 -- a value named for no request
        self.stored_value["newPasswd"] = new_password


@app.post("/sign-in")
def sql_password_match(cursor):
    email, password = request.form["email"], request.form["password"]
    # expect: VC410 -- the database holds the password as typed
    cursor.execute("SELECT id FROM accounts WHERE email = %s AND password = %s", (email, password))
    return cursor.fetchone() is not None


def sql_named_password_match(db, username, pwd):
    # expect: VC410
    return db.execute("SELECT * FROM users WHERE users.pwd = :pwd AND name = :name", {"pwd": pwd, "name": username})


@app.post("/sign-in-hashed")
def sql_fetch_hash_then_check(cursor):
    email, password = request.form["email"], request.form["password"]
    # ok: VC410 -- fetches the hash by the user's name and checks it in code
    cursor.execute("SELECT password_hash FROM accounts WHERE email = %s", (email,))
    row = cursor.fetchone()
    return row is not None and check_password_hash(row[0], password)


def sql_accounts_without_password(cursor, username, password):
    # ok: VC410 -- the password column is tested for absence; the client's password is not in the query
    cursor.execute("SELECT id FROM users WHERE name = %s AND password IS NULL", (username,))
    return cursor.fetchone(), password


class ApiRequester:
    def __init__(self, username, password, base_url):
        # ok: VC410 -- an API client's constructor keeps the credentials it logs in with on an object of its own
        self.user = EClinicalUser(username=username, password=password)
        # ok: VC410 -- the HTTP session it logs in through
        self._http = AppHttp(base_url=base_url, email=username, password=password)


class AccountService:
    def __init__(self, db, username, password):
        # expect: VC410 -- a service's constructor that writes a user record still stores it
        db.add(UserRecord(username=username, password=password))


class TokenClient:
    def token_by_password(self, username, password, scope=None, **kwargs):
        data = kwargs.pop("data", {})
        # ok: VC410 -- the body of the password-grant request the keyword arguments make, sent and not kept
        data.update(username=username, password=password, scope=scope)
        return self._obtain_token("password", data=data, **kwargs)

    def remember_login(self, username, password, **kwargs):
        profile = self.profiles.get(username, {})
        # expect: VC410 -- a stored profile, not keyword arguments in the making
        profile.update(username=username, password=password)
        return profile


# A function is walked for VC410 only if its own code names a password word: each shape below names one only where
# the rule reads it (a key built from two literals, an escaped key, an f-string's text, a form field's attribute).
def login_by_split_key(username, secret):
    # expect: VC410
    return requests.post("https://api.example.com/auth?user=" + username + "&pass" + "word=" + secret, timeout=5)


def login_by_escaped_key(username, secret):
    # expect: VC410
    return requests.post("https://api.example.com/auth?user=" + username + "&pass\x77ord=" + secret, timeout=5)


def login_by_formatted_key(base_url, user, secret):
    # expect: VC410
    return requests.get(f"{base_url}/login?user={user}&pwd={secret}", timeout=5)


def lookup_by_token(username, secret):
    # ok: VC410 -- no password word anywhere in the function
    return requests.get("https://api.example.com/lookup?user=" + username + "&token=" + secret, timeout=5)


class SignupView:
    def post(self, cache):
        # expect: VC410
        cache.set("signup", self.form.passphrase.data)


def open_remote_shell(host, user, password, keyfile=None):
    # ok: VC410 -- a connection timeout and a key file: the object connects with the password, it is no record
    return RemoteShell(host=host, user=user, password=password, keyfile=keyfile, connect_timeout=10)


def open_http_reader(uri, user, password, session):
    # ok: VC410 -- the session and timeout of its requests: a reader that logs in
    return BufferedHttpReader(uri, user=user, password=password, session=session, timeout=30)


def register_device(ip, password):
    # expect: VC410 -- an address and a password, and nothing only a live connection takes: a record
    return Device(ip_address=ip, password=password)


def apply_cli_options(sudo_password, user):
    # ok: VC410 -- the settings of this run, in memory
    config.SUDO_PASSWORD = sudo_password
    # expect: VC410 -- a record's settings are saved with it
    user.settings.sudo_password = sudo_password


def collect_overrides(data, ssh_password):
    overrides = {key: parse(value) for key, value in data}
    # ok: VC410 -- a dict the function builds from a comprehension, handed back as arguments
    overrides["ssh_password"] = ssh_password
    stored = load_overrides()
    # expect: VC410 -- a mapping the function did not build
    stored["ssh_password"] = ssh_password
    return overrides


def ensure_user(name, existing, password=None):
    """Make the user exist.

    + password: set the encrypted password for the user (as `usermod -p` takes it)
    """
    # ok: VC410 -- the docstring says the parameter holds the encrypted password
    if password and existing["password"] != password:
        return ["usermod", "-p", password, name]
    return []


def change_password(user, password):
    """Change the user's password.

    :param password: the new password, hashed before it is saved
    """
    # expect: VC410 -- the docstring says it is hashed later, not that it is a hash
    user.password = password


# the module's own helpers that read the request body
def _json():
    return request.get_json(silent=True) or {}


def read_body():
    raw = request.get_data()
    return json.loads(raw or b"{}")


def hashed_signup():
    return generate_password_hash(request.form["password"])


def saved_defaults():
    return {"password": os.environ.get("DEFAULT_PASSWORD", "")}


@app.post("/helpers/reset")
def reset_through_helper():
    payload = _json()
    user = get_user(payload["email"])
    # expect: VC410
    user.password = payload["password"]


@app.post("/helpers/signup")
def signup_through_helper():
    data = read_body()
    # expect: VC410
    get_db().users.insert_one({"email": data.get("email"), "password": data.get("password")})


@app.post("/helpers/inline")
def inline_helper_read():
    # expect: VC410
    USERS[_json()["email"]] = _json()["password"]


@app.post("/helpers/reset/hashed")
def reset_through_helper_hashed():
    payload = _json()
    user = get_user(payload["email"])
    # ok: VC410
    user.password = generate_password_hash(payload["password"])


@app.post("/helpers/signup/hashed")
def signup_hashed_helper():
    user = get_user(request.form["email"])
    # ok: VC410
    user.password = hashed_signup()


@app.post("/helpers/defaults")
def reset_to_defaults():
    defaults = saved_defaults()
    user = get_user(request.form["email"])
    # ok: VC410
    user.password_hint = defaults["password"]
