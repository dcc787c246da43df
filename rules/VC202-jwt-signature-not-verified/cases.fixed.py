"""VC202 corpus: JWT decodes that skip or weaken signature checks fire; verified decodes do not."""
import time

import jwt
import jwt as pyjwt
from jose import jwt as jose_jwt
from jwt import decode as jwt_decode

SECRET_KEY = load_secret()
ALGORITHMS = ["HS256"]


def options_dict_literal(token):
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def pyjwt_one_verify_false(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def aliased_module_without_algorithms(token):
    # expect: VC202
    return pyjwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def imported_function_none_algorithm(token):
    # expect: VC202
    return jwt_decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def options_in_a_variable(token):
    opts = {"verify_signature": False, "verify_exp": True}
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options=opts)


def options_switched_off_step_by_step(token):
    opts = {}
    opts["verify_signature"] = False
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options=opts)


def options_built_with_dict_call(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def jose_without_algorithms(token):
    # expect: VC202
    return jose_jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def algorithm_from_token_header(token):
    header = jwt.get_unverified_header(token)
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def jose_unverified_claims(token):
    # expect: VC202
    claims = jose_jwt.get_unverified_claims(token)
    return claims["sub"]


def pyjwt_one_positional_verify_false(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def algorithms_as_single_string_none(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def decode_complete_without_algorithms(token):
    # expect: VC202
    return jwt.decode_complete(token, SECRET_KEY, algorithms=ALGORITHMS)


def algorithms_explicitly_none(token):
    # expect: VC202
    return jwt.PyJWT().decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def verified_pyjwt(token):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])


def verified_with_constant_list(token):
    # ok: VC202
    return pyjwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def verified_jose(token):
    # ok: VC202
    return jose_jwt.decode(token, SECRET_KEY, algorithms=["RS256"], audience="api")


def expiry_option_only(token):
    opts = {"verify_exp": True}
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options=opts)


def signature_option_explicitly_on(token):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_signature": True})


def kid_lookup_is_normal(token):
    # ok: VC202
    header = jwt.get_unverified_header(token)
    key = KEYS[header["kid"]]
    # ok: VC202
    return jwt.decode(token, key, algorithms=["RS256"])


def encoding_is_not_decoding(claims):
    # ok: VC202
    return jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def other_decode_functions(data):
    # ok: VC202
    return base64.b64decode(data).decode("utf-8")


def algorithms_passed_positionally(token):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, ["HS256"])


def disabled_options_in_another_function_do_not_leak(token):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options=opts)


def forwarded_keyword_arguments(token, **kwargs):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, **kwargs)


ALGORITHM = "HS256"
UNSAFE_ALGORITHMS = ["HS256", "none"]
MIXED_ALGORITHMS = ("RS256", ALGORITHM)
NO_SIGNATURE = "none"


def encode_unsigned(claims):
    # expect: VC202
    return jwt.encode(claims, None, algorithm="none")


def encode_unsigned_aliased(claims):
    # expect: VC202
    return pyjwt.encode(claims, "", algorithm=NO_SIGNATURE)


def encode_algorithm_none_pyjwt(claims):
    # expect: VC202
    return jwt.encode(claims, "", algorithm=None)


def jose_encode_unsigned(claims):
    # expect: VC202
    return jose_jwt.encode(claims, "", "none")


def none_through_a_module_constant(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def none_through_a_local_name(token):
    allowed = ["HS256", "NONE"]
    # expect: VC202
    return jose_jwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS)


def hmac_beside_rsa(token, public_key):
    # expect: VC202
    return jose_jwt.decode(token, public_key, algorithms=["HS256", "RS256"])


def hmac_beside_rsa_through_constants(token, public_key):
    # expect: VC202
    return jwt.decode(token, public_key, algorithms=MIXED_ALGORITHMS)


def authlib_accepting_none(token, key):
    from authlib.jose import JsonWebToken

    # expect: VC202
    verifier = JsonWebToken(["HS256", "none"])
    return verifier.decode(token, key)


def encode_with_constant_algorithm(claims):
    # ok: VC202
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


def encode_default_algorithm(claims):
    # ok: VC202 -- HS256 by default
    return jwt.encode(claims, SECRET_KEY)


def jose_encode_algorithm_none_keyword_is_refused(claims):
    # ok: VC202 -- python-jose raises on `algorithm=None`, it does not sign with `none`
    return jose_jwt.encode(claims, SECRET_KEY, algorithm=None)


def decode_with_one_constant(token):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])


def only_public_key_algorithms(token, public_key):
    # ok: VC202
    return jwt.decode(token, public_key, algorithms=["RS256", "ES256", "PS256"])


def only_hmac_algorithms(token):
    # ok: VC202
    return jose_jwt.decode(token, SECRET_KEY, algorithms=["HS256", "HS512"])


def authlib_fixed_algorithm(token, key):
    from authlib.jose import JsonWebToken

    # ok: VC202
    verifier = JsonWebToken(["RS256"])
    return verifier.decode(token, key)


def a_list_of_words_that_are_not_algorithms(token):
    choices = ["none", "all"]
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], audience=choices[0])


def other_encode_functions(text):
    # ok: VC202
    return base64.b64encode(text.encode(), None)


def none_beside_a_real_algorithm(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])


def signature_switch_beside_other_options(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"],
                      options={"verify_aud": False})


NO_EXPIRY = {"verify_exp": False}


def expiry_off(token):
    # expect: VC202 -- a token that never expires, for no stated reason
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": False})


def expiry_off_by_name(token):
    # expect: VC202
    claims = pyjwt.decode(token, SECRET_KEY, algorithms=ALGORITHMS, options=NO_EXPIRY)
    return claims["sub"]


def expiry_off_pyjwt1(token):
    # expect: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], verify_expiration=False)


def expiry_off_jose(token):
    # expect: VC202
    return jose_jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options=dict(verify_exp=False))


def refresh_access_token(old_token):
    # ok: VC202 -- a refresh flow reads the expired access token on purpose
    claims = jwt.decode(old_token, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": False})
    return issue_token(claims["sub"])


def logout(token):
    # ok: VC202 -- the result is named for what it is
    expired_claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": False})
    revoke_jti(expired_claims["jti"])


def expiry_checked(token):
    # ok: VC202
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": True, "require": ["exp"]})


def expiry_retry(token):
    try:
        return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
    except jwt.ExpiredSignatureError:
        # ok: VC202 -- a retry after the expiry error is VC216's finding
        return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": False})


def audience_off(token):
    # ok: VC202 -- another claim check, not the expiry
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_aud": False})


def get_unverified_claims(token):
    try:
        # ok: VC202 -- the function's name tells its callers that these claims are unchecked
        return jwt.decode(token, options={"verify_signature": False, "verify_exp": False})
    except jwt.PyJWTError as error:
        raise ValueError("malformed token") from error


class ApiClient:
    def __init__(self, access_token):
        self._access_token = access_token

    def _refresh_access_token_if_about_to_expire(self):
        # ok: VC202 -- the client reads when the token it holds expires, to renew it early; it trusts nothing else
        claims = jwt.decode(self._access_token, algorithms=["HS256"], options={"verify_signature": False})
        if claims["exp"] - time.time() < 60:
            self._access_token = self.renew()

    def refresh_for(self, request):
        # expect: VC202 -- a token the request brought, not the client's own
        claims = jwt.decode(request.headers["Authorization"], options={"verify_signature": False})
        return self.issue(claims["sub"])


def is_token_expired(headers):
    token = headers.get("Authorization", "").removeprefix("Bearer ")
    # ok: VC202 -- it reads only when the token expires, to refresh it; no identity comes from the claims
    payload = jwt.decode(token, options={"verify_signature": False})
    return payload.get("exp", 0) < time.time() + 10


class PortalClient:
    def login(self, response):
        self._access_token = response["access_token"]
        # ok: VC202 -- the client reads only when the token it keeps expires, whatever the method is called
        claims = jwt.decode(self._access_token, algorithms=["HS256"], options={"verify_signature": False})
        self._access_exp = claims["exp"]

    def user(self):
        # expect: VC202 -- its own token, but it takes the user's identity from unverified claims
        claims = jwt.decode(self._access_token, algorithms=["HS256"], options={"verify_signature": False})
        return claims["sub"]


def user_if_token_not_expired(headers):
    token = headers.get("Authorization", "").removeprefix("Bearer ")
    # expect: VC202 -- named for the expiry, but it also hands on the subject the claims name
    payload = jwt.decode(token, options={"verify_signature": False})
    return payload["sub"] if payload["exp"] > time.time() else None


def claims_for_session(token):
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def unverified_subject(token):
    # expect: VC202 -- only the result the function returns is named by it, not one it reads on
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]
