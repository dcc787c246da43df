"""VC205 corpus: hasher classes named for the random keys they hash, whose interface calls the key a password."""

import hashlib
from hashlib import sha256 as digest

from django.contrib.auth.hashers import BasePasswordHasher


class Sha512ApiKeyHasher(BasePasswordHasher):
    algorithm = "sha512"

    def encode(self, password, salt):
        # ok: VC205 -- an API key drawn at random, named password by the hasher interface
        return f"{self.algorithm}$${hashlib.sha512(password.encode()).hexdigest()}"


class AccessTokenHasher:
    def encode(self, password):
        hasher = hashlib.sha256()
        # ok: VC205 -- a token fed to the hash object
        hasher.update(password.encode())
        return hasher.hexdigest()


class FastPasswordHasher(BasePasswordHasher):
    def encode(self, password, salt):
        # expect: VC205 -- a password hasher hashes passwords
        return digest((salt + password).encode()).hexdigest()


class TokenPasswordHasher:
    def encode(self, password):
        # expect: VC205 -- the name says passwords too
        return hashlib.sha256(password.encode()).hexdigest()


class ApiKeyStore:
    def check_password(self, password):
        # expect: VC205 -- no hasher: a store's password check hashes a password
        return hashlib.sha256(password.encode()).hexdigest() == self.password
