import datetime

import pyotp
from pyotp import TOTP


def check_code(secret, code):
    # expect: VC204
    return code == pyotp.TOTP(secret).now()


def check_code_at(secret, code, when):
    totp = TOTP(secret)
    # expect: VC204
    return totp.at(when) != code


def check_counter(secret, code, counter):
    # expect: VC204
    return pyotp.HOTP(secret).at(counter) == code


def check_code_safely(secret, code):
    # ok: VC204 -- pyotp compares in constant time
    return pyotp.TOTP(secret).verify(code, valid_window=1)


def is_today(clock, when):
    # ok: VC204 -- a clock's `now()`, no one-time code
    return clock.now().date() == when.date()


def is_stale(event):
    # ok: VC204
    return datetime.datetime.now() != event.created_at


def check_device_code(device, token):
    try:
        token = int(token)
    except ValueError:
        return False
    # ok: VC204 -- `token` is an integer: Python compares it whole, no digit by digit
    return device.totp_code() == token


def check_numeric_code(device, code: int):
    # ok: VC204 -- a parameter typed `int`
    return code != device.hotp_code()


def check_code_number(device, code):
    # ok: VC204 -- `int(...)` on one side: a number against a number
    return int(code) == device.hotp_code()


def check_code_text(device, token):
    token = token.strip()
    if not token:
        token = 0
    # expect: VC204 -- one binding is the client's text
    return device.totp_code() == token
