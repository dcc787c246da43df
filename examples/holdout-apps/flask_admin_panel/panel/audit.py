import hashlib
import logging

from .extensions import db
from .models import AuditLog

logger = logging.getLogger(__name__)
DEFAULT_AVATAR = "https://www.gravatar.com/avatar/?d=mp"


def record_audit(actor_id: int, action: str, target: str) -> None:
    try:
        db.session.add(AuditLog(actor_id=actor_id, action=action, target=target))
        db.session.commit()
    # expect: VC101
    except Exception:
        pass


def avatar_url(email: str | None) -> str:
    try:
        digest = hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()
    # ok: VC101
    except AttributeError:
        # Accounts created by SSO have no email; they get the default avatar, as the profile page documents.
        return DEFAULT_AVATAR
    return f"https://www.gravatar.com/avatar/{digest}?d=mp"
