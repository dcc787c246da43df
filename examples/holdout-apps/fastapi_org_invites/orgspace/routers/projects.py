from fastapi import APIRouter, Depends, HTTPException, status

from .. import repositories
from ..deps import CurrentMembership, CurrentOrg, CurrentUser, DbSession, require_role
from ..models import Project
from ..schemas import ProjectCreate, ProjectOut, ProjectRename, ProjectUpdate

router = APIRouter(prefix="/orgs/{org_id}/projects", tags=["projects"])


@router.get("", response_model=list[ProjectOut])
def list_projects(org_id: int, membership: CurrentMembership, db: DbSession):
    return repositories.list_org_projects(db, membership.org_id)


@router.post("", response_model=ProjectOut, status_code=status.HTTP_201_CREATED)
def create_project(org_id: int, body: ProjectCreate, membership: CurrentMembership, db: DbSession):
    # ok: VC215 -- the schema holds only name and description; owner and org come from the server
    project = Project(**body.model_dump(), org_id=membership.org_id, owner_id=membership.user_id)
    db.add(project)
    db.commit()
    return project


@router.get("/{project_id}", response_model=ProjectOut)
def read_project(org_id: int, project_id: int, user: CurrentUser, db: DbSession):
    # expect: VC214 -- the repository helper loads by id only; org_id of the path is never compared
    project = repositories.get_project(db, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    return project


@router.patch("/{project_id}", response_model=ProjectOut)
def update_project(org_id: int, project_id: int, body: ProjectUpdate, membership: CurrentMembership, db: DbSession):
    # ok: VC214 -- scoped to the caller's organisation
    project = repositories.get_org_project(db, membership.org_id, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    for field, value in body.model_dump(exclude_unset=True).items():
        # expect: VC215 -- ProjectUpdate lets the client move the project (org_id) or take it over (owner_id)
        setattr(project, field, value)
    db.commit()
    return project


@router.put("/{project_id}/name", response_model=ProjectOut)
def rename_project(org_id: int, project_id: int, body: ProjectRename, membership: CurrentMembership, db: DbSession):
    project = repositories.get_org_project(db, membership.org_id, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    # ok: VC215 -- a schema with the one field
    for field, value in body.model_dump().items():
        setattr(project, field, value)
    db.commit()
    return project


@router.delete("/{project_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_project(org_id: int, project_id: int, user: CurrentUser, db: DbSession):
    # expect: VC214 -- a project of any organisation, by id
    project = db.get(Project, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    db.delete(project)
    db.commit()


@router.post("/{project_id}/archive", dependencies=[Depends(require_role("admin"))])
def archive_project(org_id: int, project_id: int, db: DbSession):
    # ok: VC214 -- org id of the path, checked by require_role through get_membership
    project = repositories.get_org_project(db, org_id, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    project.archived = True
    db.commit()
    return {"archived": True}


workspace_router = APIRouter(prefix="/workspace/projects", tags=["projects"])


@workspace_router.get("/{project_id}", response_model=ProjectOut)
def read_workspace_project(project_id: int, org: CurrentOrg, db: DbSession):
    # ok: VC214 -- scoped by org (the header dependency is the problem, marked in deps.py)
    project = repositories.get_org_project(db, org.id, project_id)
    if project is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
    return project
