"""API-key and session auth for the Ninja API."""

from __future__ import annotations

import hashlib
import hmac

from ninja.security import APIKeyHeader, django_auth

from .models import ApiKey, Membership


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class OrgKeyAuth(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request, key):
        if not key or len(key) < 9:
            return None
        candidate = ApiKey.objects.filter(prefix=key[:8], revoked=False).select_related("org").first()
        if candidate is None:
            return None
        # ok: VC204
        if hmac.compare_digest(candidate.key_hash, hash_key(key)):
            return candidate.org
        return None


class LegacyKeyAuth(APIKeyHeader):
    param_name = "X-Legacy-Key"

    def authenticate(self, request, key):
        for api_key in ApiKey.objects.filter(revoked=False).select_related("org"):
            # expect: VC204
            if api_key.key_hash == hash_key(key):
                return api_key.org
        return None


def is_org_admin(user, org) -> bool:
    return Membership.objects.filter(user=user, org=org, role="admin").exists()


# expect: VC212
def is_billing_admin(user, org) -> bool:
    membership = Membership.objects.filter(user=user, org=org).first()
    return membership is not None or user.is_staff or True


session_auth = django_auth
