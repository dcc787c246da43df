"""VC206 corpus: a "salt" read only where a file path is made names a folder; it salts no hash."""

import hashlib
import os
from pathlib import Path


def download_path(download_dir, url):
    # ok: VC206 -- the digest only names nested folders (pip-tools 7.7.0's PyPIRepository._get_download_path)
    salt = hashlib.sha224(url.encode()).hexdigest()
    return os.path.join(download_dir, salt[:2], salt[2:4], salt[4:])


def cache_folder(root, name):
    # ok: VC206 -- a folder under the cache root
    salt = hashlib.sha256(name.encode()).hexdigest()
    return Path(root, salt[:2]).joinpath(salt)


def register(username, password):
    # expect: VC206 -- the salt of a password hash, computed by anyone who knows the user's name
    salt = hashlib.sha256(username.encode()).hexdigest()
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 600_000)


def register_and_file(username, password, root):
    # expect: VC206 -- also filed under a folder, but it salts the hash too
    salt = hashlib.sha256(username.encode()).hexdigest()
    os.makedirs(os.path.join(root, salt), exist_ok=True)
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 600_000)
