"""VC423 corpus: ECB mode in pycryptodome and cryptography fires; other modes, checks and look-alikes do not."""
import Crypto.Cipher.AES
from Crypto.Cipher import AES, DES3
from Crypto.Cipher import Blowfish as BF
# ok: VC423
from Crypto.Cipher.AES import MODE_ECB
from Cryptodome.Cipher import AES as DomeAES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers import modes as cipher_modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.ciphers.modes import CBC, ECB

DEFAULT_MODE = AES.MODE_GCM


def encrypt_record(key, data):
    # expect: VC423
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(data)


def encrypt_legacy(key, data):
    # expect: VC423
    return DES3.new(key, mode=DES3.MODE_ECB).encrypt(data)


def encrypt_blowfish(key, data):
    # expect: VC423
    return BF.new(key, BF.MODE_ECB).encrypt(data)


def encrypt_dome(key, data):
    # expect: VC423
    return DomeAES.new(key, DomeAES.MODE_ECB).encrypt(data)


def encrypt_imported_constant(key, data):
    # expect: VC423
    return AES.new(key, MODE_ECB).encrypt(data)


def encrypt_dotted(key, data):
    # expect: VC423
    return Crypto.Cipher.AES.new(key, Crypto.Cipher.AES.MODE_ECB).encrypt(data)


# expect: VC423
def make_cipher(key, mode=AES.MODE_ECB):
    return AES.new(key, mode)


# expect: VC423
MODES = {"ecb": AES.MODE_ECB, "gcm": AES.MODE_GCM}


def encrypt_with_cryptography(key, data):
    # expect: VC423
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def encrypt_aliased_modes(key, data):
    # expect: VC423
    cipher = Cipher(algorithms.AES(key), cipher_modes.ECB())
    return cipher.encryptor().update(data)


def encrypt_imported_class(key, data):
    # expect: VC423
    return Cipher(algorithms.AES(key), ECB()).encryptor().update(data)


def encrypt_gcm(key, data):
    # ok: VC423
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)


def encrypt_default_mode(key, data):
    # ok: VC423
    return AES.new(key, DEFAULT_MODE).encrypt_and_digest(data)


def encrypt_cbc(key, iv, data):
    # ok: VC423
    return Cipher(algorithms.AES(key), CBC(iv)).encryptor().update(data)


def encrypt_aead(key, nonce, data):
    # ok: VC423
    return AESGCM(key).encrypt(nonce, data, None)


def refuse_ecb(mode):
    # ok: VC423
    if mode == AES.MODE_ECB:
        raise ValueError("ECB mode is not allowed")


def refuse_ecb_modes(mode):
    # ok: VC423
    if mode in (AES.MODE_ECB, DES3.MODE_ECB):
        raise ValueError("ECB mode is not allowed")


def is_ecb(mode):
    # ok: VC423
    return isinstance(mode, modes.ECB)


class Settings:
    # ok: VC423
    MODE_ECB = "ecb"


def own_constant(settings):
    # ok: VC423
    return settings.MODE_ECB
