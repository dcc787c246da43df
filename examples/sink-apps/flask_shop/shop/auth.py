"""Tokens for the shop's API clients."""
import datetime

import jwt

# sink: CWE-798
JWT_SECRET = "shop-jwt-secret-2024"


def issue_token(user_id):
    claims = {"sub": str(user_id), "exp": datetime.datetime.utcnow() + datetime.timedelta(hours=12)}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def read_token(token):
    # sink: CWE-347
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256", "none"])
