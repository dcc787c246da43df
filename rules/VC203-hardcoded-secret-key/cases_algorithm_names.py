"""VC203 corpus: tables that map a client authentication method or a key to the algorithm it signs with (JWA names,
`HS256`, `RS256`), beside tables and settings that hold a key."""

DEFAULT_SIGNING_ALGORITHMS = {
    "id_token": "RS256",
    # ok: VC203 -- the algorithm a client_secret_jwt assertion is signed with
    "client_secret_jwt": "HS256",
    # ok: VC203
    "private_key_jwt": "ES384",
}

KEY_WRAPPING = {
    # ok: VC203 -- a key management algorithm's name
    "secret_key": "A256KW",
}

SIGNING = {
    "algorithm": "HS256",
    # expect: VC203 -- a key that merely starts like an algorithm's name
    "secret_key": "HS256-7f9c2ba4e88f827d616045507605853e",
}
