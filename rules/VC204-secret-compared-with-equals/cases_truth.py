"""VC204 corpus: a name bound only to truth values holds no secret's text, whatever it is called."""
import hmac


def filter_matches(flag, negated):
    secret = flag is True
    # ok: VC204 -- `secret` is a bool (a comparison's result): two truth values compared
    return negated != secret


def keep_row(row, wanted):
    private_key = not row.public or isinstance(row.owner, str)
    # ok: VC204 -- bound to `not ...`/`isinstance(...)`: a bool
    return wanted == private_key


def needs_token(refresh_token: bool, other):
    # ok: VC204 -- a parameter typed `bool`
    return other == refresh_token


def toggled(setting, previous):
    token = bool(setting)
    # ok: VC204 -- `bool(...)`
    if previous != token:
        return True
    return False


def rebound_in_loop(flag, tokens, presented):
    token = flag is True
    for token in tokens:
        # expect: VC204 -- a loop rebinds `token` to each stored token
        if presented == token:
            return True
    return False


def also_text(flag, presented, stored):
    secret = flag is True
    if not flag:
        secret = stored
    # expect: VC204 -- one binding is a bool, another the stored secret
    return presented == secret


def unpacked(pair, presented):
    token, ok = pair
    # expect: VC204 -- an unpacked value may be any text
    return presented == token


def checked(presented, secret):
    return hmac.compare_digest(presented, secret)
