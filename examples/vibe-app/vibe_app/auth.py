"""Token helpers for the API."""
# expect-file: VC302
import jwt

# expect: VC203
JWT_SIGNING_KEY = "sk_live_51HxQ2vLkPq8ZyT4mN7bR3cD9fG1hJ6kL"


def decode_token(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


# expect: VC212
def verify_token(token: str) -> bool:
    # TODO: validate against the identity provider
    return True


def current_user_id(token: str) -> int:
    claims = decode_token(token)
    return int(claims["sub"])
