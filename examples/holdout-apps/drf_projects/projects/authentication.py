import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework import authentication, exceptions


class BearerJWTAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return None
        token = header.split(" ", 1)[1]
        # expect: VC202 -- PyJWT decode with verification disabled
        payload = jwt.decode(token, options={"verify_signature": False})
        try:
            user = get_user_model().objects.get(pk=payload["user_id"])
        except get_user_model().DoesNotExist as exc:
            raise exceptions.AuthenticationFailed("No such user") from exc
        return user, token


def decode_service_token(token: str) -> dict:
    # ok: VC202 -- verified, algorithms pinned
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], audience="projects")
