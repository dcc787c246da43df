"""VC202 corpus (Django settings of the JWT packages): `"JWT_VERIFY": False` in django-graphql-jwt's `GRAPHQL_JWT` or
djangorestframework-jwt's `JWT_AUTH` accepts every token whatever its signature."""
from datetime import timedelta

GRAPHQL_JWT = {
    # expect: VC202
    "JWT_VERIFY": False,
    "JWT_EXPIRATION_DELTA": timedelta(hours=8),
}

JWT_AUTH = {
    # expect: VC202
    "JWT_VERIFY": False,
}

SAFE_GRAPHQL_JWT = {
    # ok: VC202 -- another setting of the same name is no package's
    "JWT_VERIFY": False,
}

GRAPHQL_JWT_OK = {
    # ok: VC202
    "JWT_VERIFY_EXPIRATION": False,
}
