import pyotp


def check_code(secret, code):
    # expect: VC212 -- two hours of codes pass
    return pyotp.TOTP(secret).verify(code, valid_window=120)


def check_code_drift(secret, code):
    totp = pyotp.TOTP(secret)
    # expect: VC212
    return totp.verify(code, valid_window=10)


def check_code_strict(secret, code):
    # ok: VC212 -- one step of clock drift
    return pyotp.TOTP(secret).verify(code, valid_window=1)


def check_code_default(secret, code):
    # ok: VC212
    return pyotp.TOTP(secret).verify(code)


def check_signature(key, message, signature):
    # ok: VC212 -- another library's `verify`, without a window
    return key.verify(signature, message)
