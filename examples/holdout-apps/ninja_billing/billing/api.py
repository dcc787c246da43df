"""Django Ninja API: invoices, API key rotation and admin impersonation."""

from __future__ import annotations

import logging
import random
import secrets
import string

from django.contrib.auth import get_user_model, login
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError

from .auth import LegacyKeyAuth, OrgKeyAuth, hash_key, is_billing_admin, is_org_admin, session_auth
from .models import ApiKey, Invoice, Membership, Organization

log = logging.getLogger(__name__)
api = NinjaAPI(auth=session_auth)
User = get_user_model()


class OrgUpdate(Schema):
    name: str | None = None
    plan: str | None = None
    credit_cents: int | None = None


class ImpersonateIn(Schema):
    user_id: int
    is_admin: bool = False


@api.get("/orgs/{org_id}/invoices")
def list_invoices(request, org_id: int):
    org = get_object_or_404(Organization, id=org_id)
    # ok: VC214
    if not Membership.objects.filter(user=request.user, org=org).exists():
        raise HttpError(403, "not a member")
    return list(org.invoices.values("id", "number", "amount_cents", "status"))


@api.get("/invoices/{invoice_id}/pdf")
def invoice_pdf(request, invoice_id: int):
    # expect: VC214
    invoice = get_object_or_404(Invoice, id=invoice_id)
    return FileResponse(open(invoice.pdf_path, "rb"), content_type="application/pdf")


@api.get("/keyed/invoices/{invoice_id}", auth=OrgKeyAuth())
def keyed_invoice(request, invoice_id: int):
    # ok: VC214
    invoice = get_object_or_404(Invoice, id=invoice_id, org=request.auth)
    return {"number": invoice.number, "amount_cents": invoice.amount_cents, "status": invoice.status}


@api.get("/legacy/invoices", auth=LegacyKeyAuth())
def legacy_invoices(request):
    return list(request.auth.invoices.values("number", "amount_cents"))


@api.patch("/orgs/{org_id}")
def update_org(request, org_id: int, payload: OrgUpdate):
    org = get_object_or_404(Organization, id=org_id)
    if not is_billing_admin(request.user, org):
        raise HttpError(403, "forbidden")
    for field, value in payload.dict(exclude_unset=True).items():
        # expect: VC215
        setattr(org, field, value)
    org.save()
    return {"id": org.id, "plan": org.plan}


@api.post("/orgs/{org_id}/api-keys/rotate")
def rotate_key(request, org_id: int):
    org = get_object_or_404(Organization, id=org_id)
    if not is_org_admin(request.user, org):
        raise HttpError(403, "forbidden")
    org.api_keys.update(revoked=True)
    # ok: VC206
    raw = secrets.token_urlsafe(32)
    ApiKey.objects.create(org=org, prefix=raw[:8], key_hash=hash_key(raw))
    return {"api_key": raw}


@api.post("/orgs/{org_id}/api-keys/legacy-rotate")
def rotate_legacy_key(request, org_id: int):
    org = get_object_or_404(Organization, id=org_id)
    if not is_org_admin(request.user, org):
        raise HttpError(403, "forbidden")
    # expect: VC206
    raw = "".join(random.choices(string.ascii_letters + string.digits, k=40))
    ApiKey.objects.create(org=org, prefix=raw[:8], key_hash=hash_key(raw))
    # expect: VC407
    log.info("rotated legacy key for org %s: %s", org.id, raw)
    return {"api_key": raw}


@api.post("/admin/impersonate")
def impersonate(request, payload: ImpersonateIn):
    # expect: VC217/VC207
    if not payload.is_admin:
        raise HttpError(403, "admins only")
    target = get_object_or_404(User, id=payload.user_id)
    login(request, target, backend="django.contrib.auth.backends.ModelBackend")
    return {"impersonating": target.username}


# expect: VC218
@api.post("/support/impersonate/{user_id}")
def support_impersonate(request, user_id: int):
    target = get_object_or_404(User, id=user_id)
    request.session["impersonator_id"] = request.user.id
    login(request, target, backend="django.contrib.auth.backends.ModelBackend")
    return {"impersonating": target.username}


@api.post("/staff/impersonate/{user_id}")
def staff_impersonate(request, user_id: int):
    # ok: VC218
    if not request.user.is_superuser:
        raise HttpError(403, "superusers only")
    target = get_object_or_404(User, id=user_id)
    request.session["impersonator_id"] = request.user.id
    login(request, target, backend="django.contrib.auth.backends.ModelBackend")
    return {"impersonating": target.username}


@api.get("/users/{user_id}", auth=None)
def user_profile(request, user_id: int):
    user = get_object_or_404(User, id=user_id)
    # expect: VC219/VC429
    return {"id": user.id, "username": user.username, "email": user.email, "password": user.password}


@api.get("/health", auth=None)
def health(request):
    # ok: VC201
    return {"status": "ok"}
