"""Invitations and the audit trail."""

import logging
import random
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError
from django.utils import timezone

from .models import AuditLog, Invitation

logger = logging.getLogger(__name__)


def record(org, actor, action: str, **detail) -> None:
    """Write an audit entry; never let auditing break the request."""
    try:
        AuditLog.objects.create(organization=org, actor=actor, action=action, detail=detail)
    # expect: VC101
    except Exception:
        pass


def record_strict(org, actor, action: str, **detail) -> None:
    try:
        AuditLog.objects.create(organization=org, actor=actor, action=action, detail=detail)
    # ok: VC101
    except DatabaseError:
        logger.exception("audit write failed for %s on org %s", action, org.pk)
        raise


def make_invite_code() -> str:
    # expect: VC206
    return "".join(random.choices(string.ascii_letters + string.digits, k=24))


def create_invitation(org, inviter, email: str, role: str) -> Invitation:
    invite = Invitation.objects.create(
        organization=org,
        email=email.lower(),
        role=role,
        # ok: VC206
        token=secrets.token_urlsafe(32),
        invited_by=inviter,
        expires_at=timezone.now() + timedelta(days=settings.INVITE_TTL_DAYS),
    )
    send_mail(
        f"You're invited to {org.name}",
        f"Accept: https://app.orgadmin.io/invite/{invite.token}",
        "no-reply@orgadmin.io",
        [invite.email],
    )
    record(org, inviter, "invite.created", email=email, role=role)
    return invite
