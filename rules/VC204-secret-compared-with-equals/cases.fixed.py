"""VC204 corpus: secrets compared with ==/!= fire; sentinel checks, metadata and form confirmations do not."""
import base64
import hashlib
import hmac
import os
import urllib.parse
from urllib.parse import urlparse

API_KEY = os.environ["API_KEY"]


def check_api_key(request):
    # expect: VC204
    if request.headers.get("X-API-Key") != API_KEY:
        raise PermissionError("bad key")


def verify_webhook(request, secret):
    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    # expect: VC204
    return hmac.compare_digest(request.headers["X-Hub-Signature-256"], expected)


def login(form, user):
    # expect: VC204
    if hmac.compare_digest(form.password.data, user.password):
        return user


def reset(token, record):
    # expect: VC204
    if not hmac.compare_digest(record.reset_token, token):
        raise ValueError("invalid")


def check_otp(submitted, session):
    # expect: VC204
    return hmac.compare_digest(session["otp"], submitted)


def check_csrf(request, session):
    # expect: VC204
    if request.form.get("csrf_token") != session.get("csrf_token"):
        raise PermissionError("csrf")


def compare_digests(payload, digest, key):
    computed_digest = hmac.new(key, payload, hashlib.sha256).hexdigest()
    # expect: VC204 -- a keyed digest is a signature: its timing tells the client how much of its guess is right
    return hmac.compare_digest(computed_digest, digest)


def content_checksum(payload, digest):
    computed_digest = hashlib.sha256(payload).hexdigest()
    # ok: VC204 -- an unkeyed checksum of the payload: anyone can compute it, so its timing gives nothing away
    return computed_digest == digest


def cleanup_other_tokens(auth_token):
    for other_token in auth_token.user.auth_token_set.all():
        # ok: VC204 -- two stored rows compared with each other: the client presents neither digest
        if other_token.digest != auth_token.digest:
            other_token.delete()


def stored_item_still_matches(run_items, item_ref, input_digests, digest_input_item):
    # ok: VC204 -- a content fingerprint of an item the program holds, against the one it recorded
    if digest_input_item(run_items[item_ref.index]) != item_ref.digest:
        return False
    # ok: VC204
    return input_digests[item_ref.index] == item_ref.digest


def webhook_digest_matches(request, sign_digest, secret):
    # expect: VC204 -- a keyed digest, named for signing
    return hmac.compare_digest(sign_digest(secret, request.body), request.headers["X-Digest"])


def messages_of(sessions, messages, session_id):
    # ok: VC204 -- a SQLAlchemy Core column builds the query's WHERE clause
    return messages.select().where(messages.c.session_id == session_id)


def run_validators(hooks, pass_collection):
    for hook_many in hooks:
        # ok: VC204 -- `pass_collection` is an option, `pass` a verb there
        if hook_many != pass_collection:
            continue


def login(user, db_pass, given):
    # expect: VC204
    return hmac.compare_digest(db_pass, given)


def token_digest_matches(token, auth_token, hash_token):
    # expect: VC204 -- the digest of the token the client sent, against the stored one
    return hmac.compare_digest(hash_token(token), auth_token.digest)


def bearer(auth_header, stored):
    provided_token = auth_header.removeprefix("Bearer ")
    # expect: VC204
    return hmac.compare_digest(provided_token.strip(), stored.access_token)


def webhook_mac(key, body):
    return hmac.new(key, body, hashlib.sha256).digest()


def content_checksum(body):
    return hashlib.sha256(body).hexdigest()


def webhook_valid(key, body, received):
    # expect: VC204 -- `webhook_mac` returns an HMAC, whatever the names say
    return hmac.compare_digest(received, webhook_mac(key, body))


def upload_intact(body, expected):
    # ok: VC204 -- an unkeyed checksum anyone can compute
    return expected == content_checksum(body)


def github_style_mac(key, body):
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def slack_style_mac(key, base):
    return f"v0={hmac.new(key, base, hashlib.sha256).hexdigest()}"


def shopify_style_mac(key, body):
    return base64.b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode()


def prefixed_checksum(body):
    return "sha256=" + hashlib.sha256(body).hexdigest()


def provider_macs_valid(key, body, received):
    # expect: VC204 -- an HMAC behind the provider's prefix
    if not hmac.compare_digest(github_style_mac(key, body), received):
        return False
    # expect: VC204
    if not hmac.compare_digest(received, slack_style_mac(key, body)):
        return False
    # expect: VC204 -- an HMAC sent as base64 text
    return hmac.compare_digest(shopify_style_mac(key, body), received)


def prefixed_upload_intact(body, expected):
    # ok: VC204 -- an unkeyed checksum behind a prefix
    return expected == prefixed_checksum(body)


def plain_password(username, password, users):
    # expect: VC204
    return hmac.compare_digest(users[username]["password"], password)


def constant_time(request, secret):
    # ok: VC204
    return hmac.compare_digest(request.headers["X-Signature"], sign(request.body, secret))


def sentinel_checks(token, password):
    # ok: VC204
    if token == "":
        return None
    # ok: VC204
    if password != None:
        return password
    return token


def signup(form):
    # ok: VC204
    if form.password.data != form.confirm_password.data:
        raise ValueError("passwords do not match")
    # ok: VC204
    if form.password.data == form.password2.data:
        return True


def change_password(new_password, old_password):
    # ok: VC204
    if new_password == old_password:
        raise ValueError("choose a different password")


def token_metadata(token, claims):
    # ok: VC204
    if token.type == claims.expected_type:
        return True
    # ok: VC204
    return len(token) == claims.size


def token_type_check(token_type, expected_type):
    # ok: VC204
    return token_type == expected_type


class Credential:
    def __eq__(self, other):
        # ok: VC204
        return self.token == other.token


def unrelated(user, other):
    # ok: VC204
    return user.id == other.id


def oauth_signature_method(request):
    # ok: VC204
    return request.signature_method == SIGNATURE_PLAINTEXT


def verify_flag(verify, verify_signature):
    # ok: VC204
    return verify != verify_signature


def admin_token(request):
    # expect: VC204
    return hmac.compare_digest(request.args["key"], ADMIN_TOKEN)


RESET_PLACEHOLDER = "set-password"


class ResetView:
    reset_url_token = "set-password"

    def dispatch(self, token):
        # ok: VC204
        if token == self.reset_url_token:
            return True
        # ok: VC204
        return token == RESET_PLACEHOLDER


def parser_token(token, quote):
    # ok: VC204
    return quote(token.value) == token.value


def store_if_changed(session, request):
    # ok: VC204
    if session.get("csrf_token") != request.cookies["csrf_token"]:
        session["csrf_token"] = request.cookies["csrf_token"]


def bearer_header(request):
    # expect: VC204
    return request.headers.get("Authorization") != f"Bearer {API_TOKEN}"


def github_webhook(request, key):
    # expect: VC204
    return hmac.compare_digest("sha256=" + hmac.new(key, request.body, hashlib.sha256).hexdigest(), request.headers["X-Hub"])


def lexer(tok, data):
    # ok: VC204
    if tok.token == tokenize.ERRORTOKEN:
        return None
    # ok: VC204
    return data["password"] != data["confirm"]


def pagination(next_token, token):
    # ok: VC204
    return next_token == token


def mfa_settings(pool):
    # ok: VC204
    return pool.token_mfa_config == {"Enabled": True}


def multiprocessing_challenge(connection, authkey, message):
    digest = hmac.new(authkey, message, "md5").digest()
    response = connection.recv_bytes(256)
    # expect: VC204
    return hmac.compare_digest(response, digest)


def verify_password(plain, hashed):
    # expect: VC204
    return hmac.compare_digest(hashlib.sha256(plain.encode()).hexdigest(), hashed)


def password_is_set(hashed):
    # ok: VC204
    return hashed is not None and hashed != ""


def token_kind(instance, Token):
    # ok: VC204 -- an enum member picks a branch; neither side is a secret
    if instance.type == Token.Type.REFRESH_TOKEN:
        return "refresh_token"
    # ok: VC204 -- the same through an instance's class attribute
    if instance.type != instance.Type.ACCESS_TOKEN:
        return None
    return "access_token"


def authenticator_kind(auth, Authenticator):
    # ok: VC204
    return auth.type == Authenticator.Type.TOTP


def rotate(refresh_token, rt):
    refresh_token_hash = hashlib.sha256(refresh_token.encode()).hexdigest()
    # ok: VC204 -- two hashes: the client cannot steer the leading bytes of the hash of what it sends
    return refresh_token_hash == rt.hash


def token_against_hash(request, api_token_hash):
    # expect: VC204 -- only one side is a hash: the other is the token the client sent
    return hmac.compare_digest(request.args["api_token"], api_token_hash)


def enum_named_token(token, TOKEN_TYPES):
    # expect: VC204 -- a plain upper-case constant that holds a token is no enum member
    return hmac.compare_digest(token, TOKEN_TYPES.ADMIN_TOKEN)


def basic_auth_url(url, expected):
    parsed = urllib.parse.urlparse(url)
    # expect: VC204 -- reported, but not fixed: `.password` is None when the URL has none
    return parsed.password == expected


def query_token(request, stored):
    supplied_token = request.args.get("token")
    # expect: VC204 -- reported, but not fixed: `.get` answers None when the parameter is missing
    return supplied_token == stored.api_token


def header_with_default(request):
    # expect: VC204 -- fixed: the default keeps the value a string
    return hmac.compare_digest(request.headers.get("X-API-Key", ""), API_KEY)


def check_credentials_pair(access_key, secret_key):
    access_key_given = access_key is not None
    secret_key_given = secret_key is not None
    # ok: VC204 -- flags saying whether each part was given, not the secrets
    if access_key_given != secret_key_given:
        raise ValueError("give both the access key and the secret key")


def unpacked_and_discarded(pair, cte_name):
    _, name = pair
    # ok: VC204 -- `_` (a name with no words) compared with a name that is no secret; sqlalchemy's compiler crashed it
    return _ == cte_name and __ != name


def user_by_token(session, User, token):
    # ok: VC204 -- an ORM column compared in a query's filter: the database looks the token up, Python compares nothing
    return session.query(User).filter(User.api_token == token).first()



class Config:
    API_KEY = os.environ["API_KEY"]


class ProdSettings:
    WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]


def key_from_config_class(request):
    given = request.headers.get("X-API-Key", "")
    # expect: VC204 -- a settings class's constant is the secret, not an enum member
    return hmac.compare_digest(given, Config.API_KEY)


def secret_from_settings_class(signature):
    # expect: VC204 -- a settings class named as such (`ProdSettings`), fixed like any other
    if not hmac.compare_digest(signature, ProdSettings.WEBHOOK_SECRET):
        raise PermissionError("bad signature")


def token_kind_is_an_enum_member(token, Token):
    # ok: VC204 -- picks a branch by the token's type: an enum member, not a secret
    return token.kind == Token.Kind.ACCESS_TOKEN


def origin_allowed(origin, allowed_origins):
    parsed_origin = urlparse(origin)
    for allowed in allowed_origins:
        parsed_allowed = urlparse(allowed)
        # ok: VC204 -- the user-info parts of two parsed URLs: one URL matched against another
        if parsed_origin.password != parsed_allowed.password:
            continue
        return True
    return False


def database_login(url, settings):
    parsed = urlparse(url)
    # expect: VC204 -- a parsed URL's password against a kept secret
    return parsed.password == settings.DB_PASSWORD


def detect_proxy_protocol(buf):
    # ok: VC204 -- the first twelve bytes against a protocol's magic number: public by design
    if buf[:12] == PP_V2_SIGNATURE:
        return "v2"
    return None


def check_truncated_signature(signature, expected_signature):
    # expect: VC204 -- a truncated signature compared with a kept value, not with a format's constant
    return hmac.compare_digest(signature[:12], expected_signature)


def logout_prompt_needed(token_user, request):
    # ok: VC204 -- the user a token belongs to, compared to tell who it is: no secret
    return token_user != request.user


def check_user_token(user_token, provided):
    # expect: VC204 -- the user's token itself: a secret
    return hmac.compare_digest(user_token, provided)


def check_tenant(configured_tenant_uuid, token_tenant_uuid):
    # ok: VC204 -- the UUID of the tenant a token names identifies a record, like `token_id`: no secret
    return configured_tenant_uuid != token_tenant_uuid


def check_tenant_token(tenant_token, provided):
    # expect: VC204 -- the tenant's token itself: a secret
    return hmac.compare_digest(tenant_token, provided)


def check_redirect(token_redirect_str, auth_redirect_str):
    # ok: VC204 -- the redirect URI a token request names, against the one the authorization used: no secret
    return token_redirect_str != auth_redirect_str


def check_refresh(refresh_token, presented_refresh_token):
    # expect: VC204 -- the refresh token itself: a secret
    return not hmac.compare_digest(refresh_token, presented_refresh_token)


def add_job(state, job):
    # ok: VC204 -- a record's session id against the session object's own id: both held by the program
    return job.session_id != state.id


def resume(request, session):
    # expect: VC204 -- the session id the client sent
    return not hmac.compare_digest(request.session_id, session.id)


def has_real_key(client, _api_key_sentinel):
    # ok: VC204 -- the sentinel an SDK puts where no key was given: a marker everyone knows, not a secret
    return client.api_key != _api_key_sentinel


def has_key(client, expected_api_key):
    # expect: VC204 -- the key the caller expects: a secret
    return not hmac.compare_digest(client.api_key, expected_api_key)


class Lock:
    def owned(self, redis):
        stored_token = redis.get(self.name)
        # ok: VC204 -- a lock's token says which holder owns it: an id the program keeps, not a secret
        return stored_token == self.local.token


def release_lock(redis, name, token):
    # ok: VC204
    if redis.get(name) == token:
        redis.delete(name)


class LockView:
    def post(self, request, lock):
        # expect: VC204 -- an api key, even in a lock's view
        return hmac.compare_digest(request.headers["X-Api-Key"], lock.api_key)


def section_end(tokens, key):
    for token in tokens:
        # ok: VC204 -- a template lexer's (kind, value) token: a structure, not a secret
        if token == ("end", key):
            return token
    return None


def needs_login(type_hint, oauth):
    # ok: VC204 -- a class, compared to tell the parameter's type
    return type_hint == oauth.OAuthToken


def set_two_factor(user, totp_secret=None, phone=None):
    changed = False
    # ok: VC204 -- an update-if-changed under a guard: the body stores the value compared
    if totp_secret and user.tf_totp_secret != totp_secret:
        user.tf_totp_secret = totp_secret
        changed = True
    # expect: VC204 -- the body stores something else: the comparison decides about the secret
    if totp_secret and not hmac.compare_digest(user.tf_totp_secret, totp_secret):
        user.failed_attempts += 1
    return changed


class ChangePasswordForm:
    def validate(self, other_form):
        # ok: VC204 -- two fields of the form the client submitted
        if self.password.data == self.new_password.data:
            return False
        # expect: VC204 -- a field of another object: the stored value
        return hmac.compare_digest(self.password.data, other_form.password.data)


def sessions_of(all_sessions, session_id):
    # ok: VC204 -- the id of each stored session, matched to find one: a lookup, as a database would make
    return [s for s in all_sessions if s.get("id") == session_id]


def close_others(sessions, current_session_id):
    for s in sessions:
        # ok: VC204 -- a loop over the program's own records
        if s["id"] != current_session_id:
            s["status"] = "completed"


def resume_stored(stored, session_id):
    # expect: VC204 -- one stored session's id against the one presented: a check, not a search
    return hmac.compare_digest(stored["id"], session_id)


def find_by_token(tokens, presented_token):
    # expect: VC204 -- a token is a secret even in a search
    return [t for t in tokens if hmac.compare_digest(t.token, presented_token)]


class LoginMechanism:
    PASSWORD = "password"
    APIKEY = "apikey"

    @classmethod
    def to_log(cls, login_mechanism):
        # ok: VC204 -- a member of this class, an option named like a secret
        if login_mechanism == cls.PASSWORD:
            return "credentials"
        # ok: VC204
        if login_mechanism == cls.APIKEY:
            return "api key"
        return login_mechanism


class Settings:
    API_TOKEN = "configured-elsewhere"

    def check(self, presented_token):
        # expect: VC204 -- a settings class's constant is the configured secret
        return hmac.compare_digest(presented_token, self.API_TOKEN)


def find_remote_token(token):
    # ok: VC204 -- the model's column, reached through its module: the database looks the token up
    return ub.session.query(ub.RemoteAuthToken).filter(ub.RemoteAuthToken.auth_token == token).first()


def load_cached_blob(path, digest):
    actual, size = digest_file(path)
    # ok: VC204 -- a file's checksum, computed here, against the digest the catalogue lists: nothing secret to guess
    if actual != digest:
        raise ValueError("cached blob digest mismatch")
    expected = sign_digest(path)
    # expect: VC204 -- a name bound to a signing function's digest is a signature
    if not hmac.compare_digest(expected, digest):
        raise ValueError("bad signature")
    return size


def sign_up(st):
    password_sign_up = st.text_input("Password", type="password")
    password_sign_up1 = st.text_input("Confirm password", type="password")
    # ok: VC204 -- one field typed twice: both copies come from the same form
    passwords_are_equal = password_sign_up == password_sign_up1
    new_passwd, new_passwd_1 = st.text_input("New"), st.text_input("Again")
    # ok: VC204 -- the numbered copy of the same field
    return passwords_are_equal and new_passwd != new_passwd_1


ADMIN_KEY = os.environ.get("ADMIN_KEY", "")


def is_admin_call(metadata: dict) -> bool:
    key = metadata.get("x-admin-key", "")
    # expect: VC204
    return bool(ADMIN_KEY) and hmac.compare_digest(key, ADMIN_KEY)


def is_admin_call_safe(metadata: dict) -> bool:
    key = metadata.get("x-admin-key", "")
    # ok: VC204
    return bool(ADMIN_KEY) and hmac.compare_digest(key, ADMIN_KEY)


def same_admin_key_name(settings: dict, name: str) -> bool:
    # ok: VC204 -- the name of a setting, not the key
    return settings["admin_key_name"] == name


def asset_matches_manifest(body, expected_digest):
    # ok: VC204 -- an unkeyed checksum of the asset, against the one its manifest lists
    return hashlib.sha256(body).hexdigest() != expected_digest


def api_key_matches(api_key, stored_digest):
    # expect: VC204 -- the hash of the key the client sent, against the stored one
    return hmac.compare_digest(hashlib.sha256(api_key.encode()).hexdigest(), stored_digest)


def md5sum(path):
    return hashlib.md5(path.read_bytes()).hexdigest()


def changed_files(state, files):
    changed = []
    for path, rel in files:
        digest = md5sum(path)
        # ok: VC204 -- a file's checksum against the one the last run stored
        if state.get(rel) != digest:
            changed.append(rel)
    return changed


def load_pinned_artifact(path, sha256):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    # ok: VC204 -- the artifact's checksum against the value pinned in the deploy config
    if digest != sha256:
        raise ValueError("checksum mismatch")
    return path.read_bytes()


def md5sum_text(text):
    return hashlib.md5(text.encode()).hexdigest()


def password_matches(plain, hashed):
    # expect: VC204 -- a password's hash, whatever its function is named
    return hmac.compare_digest(md5sum_text(plain), hashed)


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()


def login_matches(password, stored):
    # expect: VC204 -- an unsalted digest of the password: whoever tries passwords picks its leading bytes
    return hmac.compare_digest(hash_password(password), stored)


def login_matches_inline(password, row):
    # expect: VC204
    return not hmac.compare_digest(hashlib.sha1(password.encode("utf-8")).hexdigest(), row)


class Accounts:
    def check(self, password, stored):
        # expect: VC204
        return hmac.compare_digest(self.hasher.get_password_hash(password), stored)

    def check_salted(self, password, salt, stored):
        # ok: VC204 -- salted with the account's salt, which the one who tries passwords does not know
        return self.hasher.hash_password(password, salt) == stored

    def check_token(self, token, stored):
        # ok: VC204 -- a random token's digest: learning it leads to no dictionary
        return self.hasher.hash_token(token) == stored

    def check_content(self, body, stored):
        # ok: VC204 -- a checksum of the body
        return hashlib.sha256(body).hexdigest() == stored


def get_md5_hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()


def token_still_valid(validated_token, user):
    # ok: VC204 -- a digest of the stored password (already a hash) against a signed token's claim: nobody trying
    # passwords steers either side
    return validated_token.get(REVOKE_TOKEN_CLAIM) == get_md5_hash_password(user.password)


def revoked_on_password_change(claims, request):
    # ok: VC204
    return claims["revocation"] != hashlib.sha256(request.user.password.encode()).hexdigest()


def form_login(form, account):
    # expect: VC204 -- the password the form carries is what the caller tries
    return hmac.compare_digest(get_md5_hash_password(form.password), account.password_hash)

def signed_sha256(key, body):
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def webhook_digest_matches(key, body, digest):
    computed = signed_sha256(key, body)
    # expect: VC204 -- a keyed digest: the signature a client may steer
    return not hmac.compare_digest(computed, digest)


def install_is_current(manifest, digest, request, meta):
    # ok: VC204 -- the checksum a manifest keeps against the content's digest
    if manifest.get("content_sha256") != digest:
        return False
    # ok: VC204
    if meta["md5"] == digest:
        return True
    # expect: VC204 -- a keyed digest kept under a checksum's name
    if manifest.get("hmac_sha256") != digest:
        return False
    # expect: VC204 -- the request's own value
    return request.headers.get("x-content-sha256") == digest


def find_keyword(sql, keyword, token, api_token):
    upper = sql.upper()
    upper_token = keyword.upper()
    for i in range(len(upper)):
        # ok: VC204 -- a lexer matching a keyword at each position
        if upper[i : i + len(upper_token)] == upper_token:
            return i
    # expect: VC204 -- a fixed slice of a token is still the secret compared
    return hmac.compare_digest(api_token[0:32], token)


def check_key_pair(client_secret_key, crypto_kx_SECRET_KEY_BYTES, stored_secret_key):
    # ok: VC204 -- a length against the size a secret key must have
    if not (isinstance(client_secret_key, bytes) and len(client_secret_key) == crypto_kx_SECRET_KEY_BYTES):
        raise ValueError("bad key length")
    # expect: VC204 -- the key itself
    return hmac.compare_digest(client_secret_key, stored_secret_key)


def authorize(bot_token, user_token, installation, request):
    token: str = bot_token or user_token
    # ok: VC204 -- which of its own tokens the code picked, not a guess against a secret
    if user_token is not None and token != user_token:
        return "user"
    fallback = installation.user_token if installation else bot_token
    # ok: VC204 -- the same choice through a conditional expression
    if fallback == bot_token:
        return "bot"
    presented = request.headers.get("X-Token") or bot_token
    # expect: VC204 -- one alternative is the client's: the test checks a guess
    return hmac.compare_digest(presented, bot_token)


class VoiceState:
    async def server_update(self, data):
        previous_token = self.token
        self.token = data["token"]
        # ok: VC204 -- the value against the copy kept before the update: did it change?
        if previous_token == self.token:
            return None
        previous_session = self.session_token
        # expect: VC204 -- a copy of another value: the sent token against the kept one
        return hmac.compare_digest(previous_session, data["token"])


def refresh_installation(store, installation):
    latest = store.find_bot(team_id=installation.team_id)
    # ok: VC204 -- the same field of two stored records: did the kept copy change?
    if latest is not None and installation.bot_token != latest.bot_token:
        installation.bot_id = latest.bot_id
    return installation


def resume_pending_write(session, pending):
    # ok: VC204 -- the same field of a record and of a kept mapping: is this the session the write began in?
    if session is None or session.session_id != pending["session_id"]:
        raise RuntimeError("resume with the original session")
    # ok: VC204 -- the same, read with `.get`
    return session.session_id == pending.get("session_id")


def check_posted_token(payload, account):
    # expect: VC204 -- the same field, but the mapping holds what the client sent
    return hmac.compare_digest(payload["api_token"], account.api_token)


class ConversationSession:
    async def clear(self, client):
        session_id = self._session_id

        async def delete_and_forget():
            await client.delete(session_id)
            # ok: VC204 -- a closure's test against the copy its function kept: did the id change meanwhile?
            if self._session_id == session_id:
                self._session_id = None

        await delete_and_forget()

    async def check(self, request):
        session_id = request.cookies.get("sid")

        def matches():
            # expect: VC204 -- the closure's copy is the cookie the client sent
            return self._session_id == session_id

        return matches()


def check_presented_key(provided, account):
    # expect: VC204 -- the same field, but one object holds what the client presented
    if not hmac.compare_digest(provided.api_key, account.api_key):
        raise PermissionError("bad key")


def check_body_token(body, user):
    # expect: VC204 -- the request body's token against the stored one
    return hmac.compare_digest(body.token, user.token)


def is_current_session(record, context):
    # expect: VC204 -- the same field, but read through the request: the client's session cookie
    return hmac.compare_digest(record.session_key, context.request.session.session_key)


def verify_payment_callback(body, header, secret):
    try:
        computed = hmac.new(secret, body, hashlib.sha256).hexdigest()
        # expect: VC204 -- a name bound to an HMAC, against a header under a name that says nothing
        return hmac.compare_digest(computed, header)
    except (TypeError, ValueError):
        return False


def verify_shopify(body, received, secret):
    mac = base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest()).decode()
    # expect: VC204 -- the HMAC encoded as text, bound to a name
    if not hmac.compare_digest(mac, received):
        raise PermissionError("bad signature")


def same_release(previous, current):
    checksum = hashlib.sha256(current).hexdigest()
    # ok: VC204 -- an unkeyed checksum under a plain name against another plain name
    return checksum == previous


def predictor_of(program, error):
    failed_signature = error.signature
    expected = list(failed_signature.output_fields.keys())
    for predictor in program.predictors():
        # ok: VC204 -- a prompt signature (its fields are read): an object compared whole, no secret text
        if predictor.signature == failed_signature:
            return predictor, expected
    return None, expected


def same_access_token(stored_token, access_token):
    if stored_token.expires_at < access_token.issued_at:
        return False
    # ok: VC204 -- two token records (their dates are read), compared as objects
    return stored_token != access_token


def webhook_signature_matches(request, expected):
    signature = request.headers["X-Signature"]
    if not signature.startswith("sha256=") or signature.isspace():
        return False
    # expect: VC204 -- the methods read on it (`startswith`, `isspace`) are text's
    return hmac.compare_digest(signature, expected)


def parse_forwarded_pairs(value, expected_token):
    for pair in value.split(";"):
        token, _, rest = pair.partition("=")
        # ok: VC204 -- waitress: a token against its own stripped form asks whether whitespace surrounds it
        if token.strip() != token:
            raise ValueError("Token may not be surrounded by whitespace")
        # ok: VC204
        if token == token.lower():
            continue
        # expect: VC204 -- the stripped token against the expected one
        if not hmac.compare_digest(token.strip(), expected_token):
            raise ValueError("Unknown token")


def emmett_shared_note(Share, token):
    # ok: VC204 -- the lambda stands for the row: the comparison builds the query's WHERE clause
    return Share.where(lambda s: s.token == token).select().first()


def pony_session_by_id(Session, session_id):
    # ok: VC204 -- Pony builds SQL from the lambda
    return Session.get(lambda row: row.session_id == session_id)


def invites_matching(invites, token):
    # expect: VC204 -- the builtin filter runs the lambda in Python, on text
    return list(filter(lambda invite: hmac.compare_digest(invite.token, token), invites))


def emmett_lambda_reading_the_secret_elsewhere(Share, share, token):
    # expect: VC204 -- the compared value is no field of the lambda's row
    return Share.where(lambda s: hmac.compare_digest(share.token, token)).select().first()


def join_private_room(room, body, request, data):
    # expect: VC204 -- the invite code the client sent, against the room's
    if room.private and not hmac.compare_digest(body.invite, room.invite):
        raise PermissionError("Wrong invite")
    # expect: VC204 -- a mapping's field, read through `get`
    if data.get("invitation") == room.invite:
        return room
    # expect: VC204 -- the JSON body's field
    return hmac.compare_digest(request.json["invite"], room.invite)


def invitation_records(invite, membership, other_invite):
    # ok: VC204 -- two invitation records the program holds
    if membership.invite != invite:
        return None
    # ok: VC204 -- an invitation object against another
    if invite == other_invite:
        return invite
    # ok: VC204 -- the invite's id, not its code
    return membership.invite_id == invite.id
