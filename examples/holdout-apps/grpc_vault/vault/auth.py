"""Caller identity from the `authorization` metadata of each RPC."""

import os

import grpc
import jwt

JWT_KEY = os.environ["VAULT_JWT_PUBLIC_KEY"]


def caller_id(context: grpc.ServicerContext) -> int:
    metadata = dict(context.invocation_metadata())
    token = metadata.get("authorization", "").removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, JWT_KEY, algorithms=["RS256"], audience="vault")
    except jwt.PyJWTError:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
    return int(claims["sub"])


def unverified_caller(context: grpc.ServicerContext) -> int:
    metadata = dict(context.invocation_metadata())
    token = metadata.get("authorization", "").removeprefix("Bearer ")
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    return int(claims["sub"])
