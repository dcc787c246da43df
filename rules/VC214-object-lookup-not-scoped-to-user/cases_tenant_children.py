"""VC214 corpus: the route names a tenant and a child of it; the handler checks the caller's access to the tenant, then
loads the child by its id alone (Django views, a FastAPI router, a Flask blueprint)."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from fastapi import APIRouter, Depends, HTTPException
from flask import Blueprint, abort
from flask_login import current_user, login_required as flask_login_required
from sqlalchemy import select

from .auth import get_current_user, get_org_or_404, require_member, require_org_admin, require_superuser
from .db import Doc, Invoice, Organization, get_db, session
from .models import Project, User

router = APIRouter()
bp = Blueprint("docs", __name__)


@login_required
def delete_project(request, org_id, project_id):
    require_member(request.user, org_id)
    # expect: VC214 -- a member of any organisation deletes another's project by its id
    project = Project.objects.get(id=project_id)
    project.delete()
    return JsonResponse({"deleted": project_id})


@login_required
def show_project(request, org_id, project_id):
    if org_id not in request.user.org_ids:
        raise PermissionDenied
    # expect: VC214 -- the membership test is on the org in the path, the project is anyone's
    project = get_object_or_404(Project, pk=project_id)
    return render(request, "project.html", {"project": project})


@login_required
def rename_project(request, org_id, project_id):
    org = get_org_or_404(org_id, request.user)
    # expect: VC214 -- the checked org is only shown beside the project, never related to it
    project = Project.objects.get(id=project_id)
    project.name = request.POST["name"]
    project.save()
    return render(request, "project.html", {"org": org, "project": project})


@router.get("/orgs/{org_id}/invoices/{invoice_id}")
def read_invoice(org_id: int, invoice_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    require_member(user, org_id, db)
    # expect: VC214 -- SQLAlchemy's get by primary key reaches every tenant's invoices
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(404)
    return invoice


@router.delete("/orgs/{org_id}/invoices/{invoice_id}")
def delete_invoice(org_id: int, invoice_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    require_org_admin(user, org_id)
    # expect: VC214 -- an admin of one organisation is no admin of the others
    invoice = db.get(Invoice, invoice_id)
    db.delete(invoice)


@bp.route("/teams/<int:team_id>/docs/<int:doc_id>")
@flask_login_required
def show_doc(team_id, doc_id):
    if team_id not in {m.team_id for m in current_user.memberships}:
        abort(403)
    # expect: VC214 -- the query filters by the document's id alone
    doc = session.query(Doc).filter_by(id=doc_id).first()
    return {"title": doc.title}


@login_required
def scoped_project(request, org_id, project_id):
    org = get_org_or_404(org_id, request.user)
    # ok: VC214 -- loaded within the checked org
    project = Project.objects.get(id=project_id, org=org)
    return render(request, "project.html", {"project": project})


@login_required
def related_project(request, org_id, project_id):
    org = get_org_or_404(org_id, request.user)
    # ok: VC214 -- through the org's own related manager
    project = org.projects.get(id=project_id)
    project.delete()
    return JsonResponse({})


@login_required
def filtered_project(request, org_id, project_id):
    require_member(request.user, org_id)
    # ok: VC214 -- filtered by the org before the id
    project = Project.objects.filter(org_id=org_id).get(id=project_id)
    return render(request, "project.html", {"project": project})


@login_required
def narrowed_project(request, org_id, project_id):
    require_member(request.user, org_id)
    projects = Project.objects.filter(organization_id=org_id)
    # ok: VC214 -- a queryset already narrowed to the org
    project = projects.get(pk=project_id)
    return render(request, "project.html", {"project": project})


@router.get("/orgs/{org_id}/docs/{doc_id}")
def read_doc(org_id: int, doc_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    require_member(user, org_id, db)
    # ok: VC214 -- the statement compares the document's org with the checked one
    return db.scalar(select(Doc).where(Doc.id == doc_id, Doc.org_id == org_id))


@router.patch("/orgs/{org_id}/invoices/{invoice_id}")
def pay_invoice(org_id: int, invoice_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    require_member(user, org_id, db)
    # ok: VC214 -- the loaded invoice's org is compared with the checked one
    invoice = db.get(Invoice, invoice_id)
    if invoice is None or invoice.org_id != org_id:
        raise HTTPException(404)
    invoice.paid = True


@login_required
def own_project(request, org_id, project_id):
    require_member(request.user, org_id)
    # ok: VC214 -- the project's own org is the one the caller must belong to
    project = get_object_or_404(Project, pk=project_id)
    require_member(request.user, project.org_id)
    project.delete()
    return JsonResponse({})


@router.get("/orgs/{org_id}")
def read_org(org_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    require_member(user, org_id, db)
    # ok: VC214 -- the object is the org itself, whose membership was checked
    return db.get(Organization, org_id)


@login_required
def member_profile(request, org_id, user_id):
    require_member(request.user, org_id)
    # ok: VC214 -- a person's public page, not a row the organisation owns
    member = get_object_or_404(User, pk=user_id)
    return render(request, "profile.html", {"member": member})


@login_required
def staff_project(request, org_id, project_id):
    if not request.user.is_staff:
        raise Http404
    require_member(request.user, org_id)
    # ok: VC214 -- staff reach every organisation's projects by design
    project = Project.objects.get(id=project_id)
    project.delete()
    return JsonResponse({})


@router.delete("/orgs/{org_id}/docs/{doc_id}")
def purge_doc(org_id: int, doc_id: int, user=Depends(get_current_user), db=Depends(get_db)):
    require_superuser(user)
    require_member(user, org_id, db)
    # ok: VC214 -- a platform-wide role check opens every organisation's documents
    db.delete(db.get(Doc, doc_id))


def _load_doc(db, doc_id):
    return db.get(Doc, doc_id)


@router.put("/workspaces/{workspace_id}/docs/{doc_id}")
def update_doc(workspace_id: int, doc_id: int, body: dict, user=Depends(get_current_user), db=Depends(get_db)):
    if not user.is_member_of(workspace_id):
        raise HTTPException(403)
    # expect: VC214 -- the module's reader loads the document by its id alone
    doc = _load_doc(db, doc_id)
    doc.body = body["text"]
    return doc


@login_required
def caller_org_project(request, org_id, project_id):
    require_member(request.user, org_id)
    # ok: VC214 -- loaded within the caller's own organisation
    project = Project.objects.get(id=project_id, organization=request.user.organization)
    return render(request, "project.html", {"project": project})
