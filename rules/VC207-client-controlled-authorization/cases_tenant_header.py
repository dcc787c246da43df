"""A tenant id the client sends in a header, used as the scope of queries."""
from django.http import JsonResponse
from fastapi import Depends, FastAPI, Header
from flask import Flask, abort, jsonify, request
from flask_login import current_user, login_required

from .auth import get_current_user
from .db import get_session
from .models import Invoice, Membership, Organization, Project

app = Flask(__name__)
api = FastAPI()


@app.get("/invoices")
@login_required
def invoices():
    tenant_id = request.headers["X-Tenant-ID"]
    # expect: VC207
    rows = Invoice.query.filter_by(tenant_id=tenant_id).all()
    return jsonify([r.id for r in rows])


@app.get("/invoices/checked")
@login_required
def invoices_checked():
    tenant_id = request.headers["X-Tenant-ID"]
    if int(tenant_id) not in current_user.tenant_ids:
        abort(403)
    # ok: VC207 -- tested against the caller's tenants first
    rows = Invoice.query.filter_by(tenant_id=tenant_id).all()
    return jsonify([r.id for r in rows])


@app.get("/invoices/mine")
@login_required
def invoices_of_my_tenant():
    # ok: VC207 -- the tenant is the signed-in user's
    rows = Invoice.query.filter_by(tenant_id=current_user.tenant_id).all()
    return jsonify([r.id for r in rows])


@app.get("/invoices/member")
@login_required
def invoices_of_a_membership():
    org_id = request.headers.get("X-Org-Id")
    # ok: VC207 -- the lookup names the caller too
    membership = Membership.query.filter_by(org_id=org_id, user_id=current_user.id).first_or_404()
    return jsonify([r.id for r in membership.org.invoices])


@app.get("/invoices/page")
@login_required
def invoices_page():
    page = request.headers.get("X-Page", "1")
    # ok: VC207 -- a header that names no tenant
    rows = Invoice.query.filter_by(owner_id=current_user.id).offset(int(page) * 20).all()
    return jsonify([r.id for r in rows])


@api.get("/projects")
def projects(x_tenant_id: int = Header(), user=Depends(get_current_user), session=Depends(get_session)):
    # expect: VC207
    return session.query(Project).filter(Project.tenant_id == x_tenant_id).all()


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        org_id = request.headers.get("X-Org-Id")
        # expect: VC207 -- every view then trusts `request.tenant`
        request.tenant = Organization.objects.get(pk=org_id) if org_id else None
        return self.get_response(request)


class MemberTenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        org_id = request.headers.get("X-Org-Id")
        # ok: VC207 -- looked up among the caller's organisations
        request.tenant = request.user.organizations.get(pk=org_id) if org_id else None
        if request.tenant is None:
            return JsonResponse({"error": "unknown organisation"}, status=404)
        return self.get_response(request)


@app.get("/invoices/signed-in")
def invoices_signed_in():
    tenant_id = request.headers["X-Tenant-ID"]
    if not current_user.is_authenticated:
        abort(401)
    # expect: VC207 -- signed in says nothing about the tenant
    return jsonify([r.id for r in Invoice.query.filter_by(tenant_id=tenant_id)])


@app.get("/expenses/team")
@login_required
def team_expenses():
    team_id = request.headers.get("X-Team-Id")
    # expect: VC207 -- a team picker's header, never checked against the caller's teams
    rows = Invoice.query.filter_by(team_id=team_id).all()
    return jsonify([r.id for r in rows])


@app.get("/expenses/team/mine")
@login_required
def my_team_expenses():
    team_id = request.headers.get("X-Team-Id")
    # ok: VC207 -- only among the caller's teams
    team = current_user.teams.filter_by(id=team_id).first_or_404()
    return jsonify([r.id for r in team.invoices])


@api.get("/workspace/projects")
def workspace_projects(x_workspace: str = Header(), user=Depends(get_current_user), session=Depends(get_session)):
    # expect: VC207
    return session.query(Project).filter(Project.workspace_slug == x_workspace).all()


@app.get("/plans")
@login_required
def plans_for_account_type():
    kind = request.headers.get("X-Account-Type", "personal")
    # ok: VC207 -- the header describes a kind of account, it names none
    rows = Invoice.query.filter_by(account_type=kind, owner_id=current_user.id).all()
    return jsonify([r.id for r in rows])


@app.get("/accounts/invoices")
@login_required
def account_invoices():
    account_id = request.headers["X-Account-Id"]
    # expect: VC207
    rows = Invoice.query.filter_by(account_id=account_id).all()
    return jsonify([r.id for r in rows])
