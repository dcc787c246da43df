from typing import Annotated

from fastapi import APIRouter, Body, Query

from .. import services
from ..deps import AdminUser, CheckedTenantId, CurrentUser, SessionDep, TenantId
from ..models import Project, ProjectUpdate

router = APIRouter(prefix="/projects", tags=["projects"])


@router.get("", response_model=list[Project])
def list_projects(session: SessionDep, tenant_id: TenantId, sort: Annotated[str, Query()] = "created_at"):
    return services.list_projects(session, tenant_id, sort)


@router.get("/{project_id}", response_model=Project)
def read_project(project_id: int, session: SessionDep, user: CurrentUser):
    # expect: VC214 -- fetched by id through the service and the repository, tenant never checked
    return services.get_project(session, project_id)


@router.get("/v2/{project_id}", response_model=Project)
def read_project_v2(project_id: int, session: SessionDep, tenant_id: CheckedTenantId):
    # ok: VC214 -- scoped to the caller's tenant
    return services.get_project_in_tenant(session, tenant_id, project_id)


@router.patch("/{project_id}", response_model=Project)
def patch_project(project_id: int, session: SessionDep, tenant_id: CheckedTenantId, changes: dict = Body(...)):
    project = services.get_project_in_tenant(session, tenant_id, project_id)
    # expect: VC215/VC417 -- any column, tenant_id included, from a raw dict
    return services.update_project(session, project, changes)


@router.patch("/v2/{project_id}", response_model=Project)
def patch_project_v2(project_id: int, payload: ProjectUpdate, session: SessionDep, tenant_id: CheckedTenantId):
    project = services.get_project_in_tenant(session, tenant_id, project_id)
    # ok: VC215 -- only the fields of ProjectUpdate
    return services.update_project(session, project, payload.model_dump(exclude_unset=True))


@router.post("/{project_id}/export")
def export_project(project_id: int, session: SessionDep, tenant_id: CheckedTenantId,
                   destination: Annotated[str, Body(embed=True)]):
    project = services.get_project_in_tenant(session, tenant_id, project_id)
    return {"path": str(services.export_project(project, destination))}


@router.post("/reports/budget")
def budget_report(session: SessionDep, tenant_id: CheckedTenantId, filters: dict = Body(...)):
    return services.budget_report(session, tenant_id, filters)


@router.post("/integrations/test")
def test_integration(user: CurrentUser, url: Annotated[str, Body(embed=True)]):
    return {"status": services.test_integration(url)}


@router.delete("/tenants/{tenant_id}")
def delete_tenant(tenant_id: int, session: SessionDep, user: CurrentUser):
    # expect: VC218/VC214 -- any signed-in user deletes any tenant
    services.delete_tenant(session, tenant_id)
    return {"deleted": tenant_id}


@router.delete("/admin/tenants/{tenant_id}")
def delete_tenant_admin(tenant_id: int, session: SessionDep, admin: AdminUser):
    # ok: VC218/VC214 -- admins only
    services.delete_tenant(session, tenant_id)
    return {"deleted": tenant_id}
