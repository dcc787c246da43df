import os

import jwt
from django.contrib.auth import get_user_model
from ninja.security import APIKeyHeader, HttpBearer

JWT_SECRET = os.environ["SHOP_JWT_SECRET"]


class JWTAuth(HttpBearer):
    def authenticate(self, request, token):
        try:
            claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
        except jwt.PyJWTError:
            return None
        return get_user_model().objects.filter(pk=claims["sub"], is_active=True).first()


class PartnerKey(APIKeyHeader):
    param_name = "X-Partner-Key"

    # expect: VC212
    def authenticate(self, request, key):
        return key
