"""VC205 corpus: passwords hashed with fast hashes fire; KDFs and non-password hashing do not."""
import base64
import hashlib
import hashlib as hl
import os
from hashlib import md5, sha256

import bcrypt
import requests


def hash_password(password):
    # expect: VC205
    return hashlib.sha256(password.encode()).hexdigest()


def register(form, db):
    # expect: VC205
    digest = md5(form.password.data.encode("utf-8")).hexdigest()
    db.save(form.username.data, digest)


def salted(raw_password):
    salt = os.urandom(16)
    # expect: VC205
    return salt + hl.sha512(salt + raw_password.encode()).digest()


def stored_hash(user, pwd):
    # expect: VC205
    user.password_hash = sha256(f"{user.salt}{pwd}".encode()).hexdigest()


def by_name(password):
    # expect: VC205
    return hashlib.new("sha1", password.encode()).hexdigest()


def incremental(password, salt):
    h = hashlib.sha256()
    h.update(salt)
    # expect: VC205
    h.update(password.encode())
    return h.hexdigest()


def set_password(self, raw):
    # expect: VC205
    self.password = hashlib.sha1(raw.encode()).hexdigest()


def check_password(self, candidate):
    # expect: VC205
    return self.hashed == hashlib.md5(candidate.encode()).hexdigest()


def from_request(request):
    # expect: VC205
    return hashlib.sha256(request.json["password"].encode()).hexdigest()


def good_kdf(password, salt):
    # ok: VC205
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def good_scrypt(password, salt):
    # ok: VC205
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def good_bcrypt(password):
    # ok: VC205
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def file_checksum(path):
    # ok: VC205
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def reset_token_digest(password_reset_token):
    # ok: VC205
    return hashlib.sha256(password_reset_token.encode()).hexdigest()


def cache_key(url):
    # ok: VC205
    return hashlib.md5(url.encode()).hexdigest()


def etag(body):
    h = hashlib.sha1()
    # ok: VC205
    h.update(body)
    return h.hexdigest()


def password_length_fingerprint(password_length):
    # ok: VC205
    return hashlib.sha256(str(password_length).encode()).hexdigest()


def cache_credentials(password):
    # expect: VC205 -- a cache-named function still hashes a password
    return hashlib.md5(password.encode()).hexdigest()


def generate_etag(body):
    # ok: VC205
    return hashlib.sha1(body).hexdigest()


def counter_filename(root, key):
    # ok: VC205 -- a file named after its key (bandit's B324 is cleared too)
    return os.path.join(root, hashlib.md5(key.encode()).hexdigest())


def password_filename(root, password):
    # expect: VC205 -- a file named after a password's fast hash still stores that hash
    return os.path.join(root, hashlib.md5(password.encode()).hexdigest())


class LegacyAccount:
    def check(self, raw):
        # expect: VC205
        return hashlib.sha1(raw.encode()).hexdigest() == self.password

    def check_hash(self, attempt):
        # expect: VC205
        if self.password_hash != hashlib.sha256(attempt.encode()).hexdigest():
            raise PermissionError("wrong password")

    def check_reset(self, token):
        # ok: VC205 -- a random token's hash, compared with the stored token hash
        return hashlib.sha256(token.encode()).hexdigest() == self.reset_token_hash

    def verify_download(self, data):
        # ok: VC205 -- a checksum
        return hashlib.md5(data).hexdigest() == self.expected_md5


def password_breach_count(password):
    """How often the password appears in Have I Been Pwned's breach corpus (k-anonymity: only 5 hex digits leave)."""
    # ok: VC205 -- the range API is queried with the password's SHA-1 prefix; nothing stores this hash
    digest = hashlib.sha1(password.encode("utf8")).hexdigest().upper()
    url = f"https://api.pwnedpasswords.com/range/{digest[:5]}"
    body = urlopen_text(url)
    return dict(line.split(":") for line in body.splitlines()).get(digest[5:], 0)


def remember_password(password):
    """Store the password's hash; the breach check lives elsewhere."""
    # expect: VC205 -- no breach API here: this SHA-1 is what gets stored
    return hashlib.sha1(password.encode("utf8")).hexdigest()


def srp_password_key(pool, user_id, password, salt, server_b, small_a, k, g, n):
    # ok: VC205 -- SRP: the protocol fixes the hash of the password it raises g to; nothing stores it
    x = int(hashlib.sha256((salt + hashlib.sha256(f"{pool}{user_id}:{password}".encode()).hexdigest()).encode()).hexdigest(), 16)
    return pow(server_b - k * pow(g, x, n), small_a + x, n)


def stored_with_a_power(password, rounds):
    # expect: VC205 -- a two-argument power is arithmetic, not a key exchange
    digest = hashlib.sha256(password.encode()).hexdigest()
    return digest, pow(2, rounds)



def wsse_password_digest(cnonce, created, password):
    # ok: VC205 -- WS-Security's UsernameToken: SHA-1 of a fresh nonce, the time and the password, sent once
    return base64.b64encode(hashlib.sha1(f"{cnonce}{created}{password}".encode()).digest())


def digest_response(challenge, username, password):
    proof = hashlib.sha1()
    # ok: VC205 -- the server's nonce makes it a proof for this request only
    proof.update((challenge["nonce"] + username + password).encode())
    return proof.hexdigest()


def stored_with_a_nonce_named_salt(user, nonce, password):
    # expect: VC205 -- kept as the user's password: a salt, whatever it is called
    user.password = hashlib.sha1((nonce + password).encode()).hexdigest()


def stored_with_a_salt(user, salt, password):
    # expect: VC205 -- a salt is no nonce
    user.password_digest = hashlib.sha1((salt + password).encode()).hexdigest()

class MediaServerLogin:
    def login(self):
        payload = {"Username": self.user}
        digest = hashlib.md5()
        # ok: VC205 -- the client's own password, hashed as the service's login asks, in a function that sends it
        digest.update(self.password.encode())
        payload["passwordMd5"] = digest.hexdigest()
        # ok: VC205
        payload["password"] = hashlib.sha1(self.password.encode()).hexdigest()
        return requests.post(f"{self.base_url}/Users/AuthenticateByName", json=payload, timeout=10)

    def forward_signup(self, password):
        # expect: VC205 -- a parameter's password: whoever gets the hash the other side stores can test guesses
        return requests.post(self.url, json={"password": hashlib.md5(password.encode()).hexdigest()}, timeout=10)

    def hash_own_field(self):
        # expect: VC205 -- a model hashing its own field, with no request sent: a stored fast hash
        self.password = hashlib.sha256(self.password.encode()).hexdigest()
