"""JSON views: members, projects, invites, integration settings."""

import logging
import random
import secrets
import string
from datetime import datetime, timezone

import requests
from pyramid.httpexceptions import HTTPBadRequest, HTTPForbidden, HTTPNotFound
from pyramid.security import NO_PERMISSION_REQUIRED
from pyramid.view import view_config

from .models import Invite, Membership, OrgSettings, Project, User
from .security import membership_for, require_member, require_org_admin

log = logging.getLogger(__name__)


@view_config(route_name="org_members", renderer="json", permission="authenticated")
def list_members(request):
    org_id = int(request.matchdict["org_id"])
    require_member(request, org_id)
    rows = (
        request.dbsession.query(Membership, User)
        .join(User, User.id == Membership.user_id)
        .filter(Membership.org_id == org_id)
        .all()
    )
    return [{"user_id": u.id, "email": u.email, "role": m.role} for m, u in rows]


@view_config(route_name="org_project", renderer="json", permission="authenticated")
def project_detail(request):
    org_id = int(request.matchdict["org_id"])
    require_member(request, org_id)
    # expect: VC214
    project = request.dbsession.get(Project, int(request.matchdict["project_id"]))
    if project is None:
        raise HTTPNotFound()
    return project.to_dict()


@view_config(route_name="org_project_scoped", renderer="json", permission="authenticated")
def project_detail_scoped(request):
    org_id = int(request.matchdict["org_id"])
    require_member(request, org_id)
    # ok: VC214
    project = (
        request.dbsession.query(Project)
        .filter_by(id=int(request.matchdict["project_id"]), org_id=org_id)
        .one_or_none()
    )
    if project is None:
        raise HTTPNotFound()
    return project.to_dict()


@view_config(route_name="org_invites", request_method="POST", renderer="json", permission="authenticated")
def create_invite(request):
    org_id = int(request.matchdict["org_id"])
    require_member(request, org_id)
    body = request.json_body
    # expect: VC206
    token = "".join(random.choices(string.ascii_letters + string.digits, k=32))
    # expect: VC217/VC215
    invite = Invite(org_id=org_id, email=body["email"], role=body.get("role", "member"), token=token)
    request.dbsession.add(invite)
    return {"invite_url": request.route_url("accept_invite", token=token)}


@view_config(route_name="accept_invite", request_method="POST", renderer="json", permission="authenticated")
def accept_invite(request):
    # expect: VC233
    invite = request.dbsession.query(Invite).filter_by(token=request.matchdict["token"]).one_or_none()
    if invite is None or invite.accepted_at is not None:
        raise HTTPNotFound()
    request.dbsession.add(Membership(org_id=invite.org_id, user_id=request.authenticated_userid, role=invite.role))
    invite.accepted_at = datetime.now(timezone.utc)
    return {"org_id": invite.org_id, "role": invite.role}


@view_config(route_name="org_settings", request_method="GET", renderer="json", permission="authenticated")
def get_settings(request):
    org_id = int(request.matchdict["org_id"])
    require_member(request, org_id)
    settings = request.dbsession.get(OrgSettings, org_id) or OrgSettings(org_id=org_id)
    return {
        # expect: VC429
        "openai_api_key": settings.openai_api_key,
        "slack_webhook_url": settings.slack_webhook_url,
        "llm_base_url": settings.llm_base_url,
    }


def _mask(value: str | None) -> str | None:
    return None if not value else value[:3] + "…" + value[-4:]


@view_config(route_name="org_settings", request_method="PUT", renderer="json", permission="authenticated")
def save_settings(request):
    org_id = int(request.matchdict["org_id"])
    # expect: VC212/VC218
    require_org_admin(request, org_id)
    body = request.json_body
    settings = request.dbsession.get(OrgSettings, org_id) or OrgSettings(org_id=org_id)
    settings.openai_api_key = body.get("openai_api_key", settings.openai_api_key)
    settings.slack_webhook_url = body.get("slack_webhook_url", settings.slack_webhook_url)
    settings.llm_base_url = body.get("llm_base_url", settings.llm_base_url)
    request.dbsession.add(settings)
    # expect: VC407, VC409
    log.info("org %s updated integration keys: openai=%s", org_id, settings.openai_api_key)
    # ok: VC429
    return {"openai_api_key": _mask(settings.openai_api_key), "llm_base_url": settings.llm_base_url}


@view_config(route_name="org_settings_test", request_method="POST", renderer="json", permission="authenticated")
def test_connection(request):
    org_id = int(request.matchdict["org_id"])
    require_member(request, org_id)
    settings = request.dbsession.get(OrgSettings, org_id)
    if settings is None or not settings.openai_api_key:
        raise HTTPBadRequest("no API key configured")
    base_url = request.json_body.get("base_url", settings.llm_base_url)
    try:
        # expect: VC405, VC404
        resp = requests.get(f"{base_url}/models", headers={"Authorization": f"Bearer {settings.openai_api_key}"}, verify=False, timeout=10)
    except requests.RequestException as exc:
        # expect: VC414
        return {"ok": False, "error": str(exc)}
    return {"ok": resp.ok, "status": resp.status_code}


@view_config(route_name="remove_member", request_method="POST", renderer="json", permission="authenticated")
def remove_member(request):
    org_id = int(request.matchdict["org_id"])
    if not require_org_admin(request, org_id):
        raise HTTPForbidden("admins only")
    # ok: VC214
    membership = (
        request.dbsession.query(Membership)
        .filter_by(org_id=org_id, user_id=int(request.matchdict["user_id"]))
        .one_or_none()
    )
    if membership is None:
        raise HTTPNotFound()
    request.dbsession.delete(membership)
    return {"removed": membership.user_id}


@view_config(route_name="org_members", request_method="OPTIONS", renderer="json", permission=NO_PERMISSION_REQUIRED)
def members_preflight(request):
    return {}


def reset_token() -> str:
    # ok: VC206
    return secrets.token_urlsafe(32)


def current_membership(request, org_id: int):
    return membership_for(request, org_id)
