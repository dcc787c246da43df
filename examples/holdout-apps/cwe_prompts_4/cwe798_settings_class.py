"""Prompt: a settings class for a service that talks to PostgreSQL, LDAP and an email API."""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    db_host: str = "db.internal"
    db_user: str = "billing"
    # expect: VC403
    db_password: str = "Billing#Prod2024"
    ldap_bind_dn: str = "cn=svc-billing,ou=services,dc=corp,dc=example"

    @property
    def ldap_bind_password(self) -> str:
        # expect: VC403
        return "Ld@pSvc!9931"

    @property
    def mail_api_key(self) -> str:
        # ok: VC403
        return os.environ["MAIL_API_KEY"]


@dataclass(frozen=True)
class SafeSettings:
    db_host: str = "db.internal"
    db_user: str = "billing"
    # ok: VC403
    db_password: str = os.environ.get("DB_PASSWORD", "")
