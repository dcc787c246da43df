"""VC425 corpus: fixed IVs, nonces and salts written in the code, and fresh or received ones."""
import hashlib
import os

import bcrypt
from Crypto.Cipher import AES, DES3
from Crypto.Protocol.KDF import PBKDF2
from Crypto.Random import get_random_bytes
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

SHARED_IV = b"\x13\x37" * 8
APP_SALT = "pepper-and-salt".encode()


def cbc_with_literal_iv(key, data):
    # expect: VC425
    return AES.new(key, AES.MODE_CBC, b"0000000000000000").encrypt(data)


def cbc_with_repeated_byte(key, data):
    vector = b"x" * AES.block_size
    # expect: VC425 -- a name bound once to a repeated literal
    cipher = AES.new(key, AES.MODE_CBC, vector)
    return cipher.encrypt(data)


def gcm_with_module_nonce(key, data):
    # expect: VC425 -- the module's constant, under a keyword
    return AES.new(key, AES.MODE_GCM, nonce=SHARED_IV).encrypt_and_digest(data)


def triple_des_zero_iv(key, data):
    # expect: VC425
    return DES3.new(key, DES3.MODE_CBC, iv=bytes(8)).encrypt(data)


def cryptography_cbc(key, data):
    # expect: VC425
    encryptor = Cipher(algorithms.AES(key), modes.CBC(bytes.fromhex("00112233445566778899aabbccddeeff"))).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def cryptography_ctr(key, data):
    # expect: VC425
    encryptor = Cipher(algorithms.AES(key), modes.CTR(nonce=b"fixed-nonce-1234")).encryptor()
    return encryptor.update(data)


def pbkdf2_with_fixed_salt(password):
    # expect: VC425
    return hashlib.pbkdf2_hmac("sha256", password.encode(), b"D3adB33fSalt", 600_000)


def scrypt_with_app_salt(password):
    # expect: VC425 -- one salt for every user
    return hashlib.scrypt(password.encode(), salt=APP_SALT, n=2**14, r=8, p=1)


def cryptography_kdf(password):
    # expect: VC425
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=b"static", iterations=600_000)
    return kdf.derive(password)


def bcrypt_with_fixed_salt(password):
    # expect: VC425 -- a salt string written into the code
    return bcrypt.hashpw(password, b"$2b$12$abcdefghijklmnopqrstuu")


def pycryptodome_kdf(password):
    # expect: VC425
    return PBKDF2(password, "salt" + "y", dkLen=32, count=200_000)


def cbc_with_fresh_iv(key, data):
    iv = get_random_bytes(16)
    # ok: VC425 -- drawn per message
    return iv + AES.new(key, AES.MODE_CBC, iv).encrypt(data)


def cbc_decrypt_received(key, blob):
    # ok: VC425 -- the IV sent with the ciphertext
    return AES.new(key, AES.MODE_CBC, blob[:16]).decrypt(blob[16:])


def gcm_library_nonce(key, data):
    # ok: VC425 -- the library draws the nonce
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.nonce, cipher.encrypt_and_digest(data)


def ecb_has_no_iv(key, data):
    # ok: VC425 -- no IV at all (ECB is VC423's)
    return AES.new(key, AES.MODE_ECB).encrypt(data)


def cryptography_gcm(key, data):
    nonce = os.urandom(12)
    # ok: VC425
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    return nonce + encryptor.update(data) + encryptor.finalize() + encryptor.tag


def iv_given_by_caller(key, data, iv):
    # ok: VC425 -- the caller's
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)


def iv_rebound(key, data, fresh):
    iv = b"0" * 16
    if fresh:
        iv = os.urandom(16)
    # ok: VC425 -- bound twice: not known to be the constant
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)


def pbkdf2_with_fresh_salt(password):
    salt = os.urandom(16)
    # ok: VC425
    return salt, hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def bcrypt_with_generated_salt(password):
    # ok: VC425
    return bcrypt.hashpw(password, bcrypt.gensalt())


def repeated_random_byte(key, data):
    # ok: VC425 -- not a literal (a poor IV, but not one written in the code)
    return AES.new(key, AES.MODE_CBC, os.urandom(1) * 16).encrypt(data)
