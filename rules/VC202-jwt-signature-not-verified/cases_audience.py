import jwt

SECRET_KEY = "read-from-the-environment"
CLIENT_ID = "portal"


def verify_id_token(id_token, key):
    # expect: VC202 -- an identity provider's token, accepted whatever app it was issued to
    return jwt.decode(id_token, key, algorithms=["RS256"], options={"verify_aud": False})


def verify_id_token_strictly(id_token, key):
    # ok: VC202
    return jwt.decode(id_token, key, algorithms=["RS256"], audience=CLIENT_ID)


def read_own_session(token):
    # ok: VC202 -- our own HMAC-signed token: no other app holds the key
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_aud": False})
