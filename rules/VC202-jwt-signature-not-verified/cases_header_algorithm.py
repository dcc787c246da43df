"""VC202 corpus: the token's header algorithm, refused unless it is the configured one."""
import jwt
from django.core.exceptions import SuspiciousOperation

SIGN_ALGORITHM = "RS256"
ALLOWED_ALGORITHMS = ("RS256", "ES256")


def verify_pinned(token, key):
    alg = jwt.get_unverified_header(token)["alg"]
    if alg != SIGN_ALGORITHM:
        raise SuspiciousOperation("The provider's algorithm does not match the configured one.")
    # ok: VC202 -- any other algorithm was refused above
    return jwt.decode(token, key, algorithms=alg)


def verify_allowed(token, key):
    alg = jwt.get_unverified_header(token)["alg"]
    try:
        if alg not in ALLOWED_ALGORITHMS:
            raise SuspiciousOperation("Unexpected algorithm.")
    finally:
        pass
    # ok: VC202 -- only an allowed algorithm gets here
    return jwt.decode(token, key, algorithms=[alg])


def verify_logged(token, key, logger):
    alg = jwt.get_unverified_header(token)["alg"]
    if alg != SIGN_ALGORITHM:
        logger.warning("unexpected algorithm %s", alg)
    # expect: VC202 -- the mismatch is only logged: the header still picks the algorithm
    return jwt.decode(token, key, algorithms=alg)


def verify_other_refused(token, key, kid):
    alg = jwt.get_unverified_header(token)["alg"]
    if kid != "primary":
        raise SuspiciousOperation("Unknown key.")
    # expect: VC202 -- the key id was checked, not the algorithm
    return jwt.decode(token, key, algorithms=alg)


def verify_spelled_out(access_token, key, audience):
    alg = "RS256"
    # ok: VC202 -- `alg` is the algorithm the function writes down, not the token header's
    return jwt.decode(access_token, key=key, algorithms=[alg], audience=audience)


def verify_default_then_header(token, key):
    alg = "RS256"
    alg = jwt.get_unverified_header(token).get("alg", alg)
    # expect: VC202 -- rebound to the header's algorithm before the decode
    return jwt.decode(token, key, algorithms=[alg])
