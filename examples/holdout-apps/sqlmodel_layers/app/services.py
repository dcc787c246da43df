"""Business logic between the routers and the repositories."""
import json
import logging
from pathlib import Path

import httpx
from fastapi import HTTPException
from sqlmodel import Session

from .config import settings
from .models import Project, Tenant
from .repositories import Repository, projects

log = logging.getLogger(__name__)
tenants = Repository(Tenant)


def get_project(session: Session, project_id: int) -> Project:
    project = projects.get(session, project_id)
    if project is None:
        raise HTTPException(404, "Project not found")
    return project


def get_project_in_tenant(session: Session, tenant_id: int, project_id: int) -> Project:
    project = projects.get_in_tenant(session, tenant_id, project_id)
    if project is None:
        raise HTTPException(404, "Project not found")
    return project


def list_projects(session: Session, tenant_id: int, sort: str) -> list[Project]:
    return projects.list_for_tenant(session, tenant_id, order_by=sort)


def budget_report(session: Session, tenant_id: int, filters: dict) -> list[dict]:
    where = " AND ".join(f"{key} = '{value}'" for key, value in filters.items()) or "1=1"
    return projects.totals(session, tenant_id, where)


def update_project(session: Session, project: Project, changes: dict) -> Project:
    for key, value in changes.items():
        setattr(project, key, value)
    return projects.save(session, project)


def export_project(project: Project, destination: str) -> Path:
    target = Path(settings.export_root) / destination
    target.parent.mkdir(parents=True, exist_ok=True)
    # expect: VC405/VC417 -- the body names where the export is written
    target.write_text(json.dumps(project.model_dump(mode="json")))
    return target


def export_project_safely(project: Project) -> Path:
    # ok: VC405 -- the server names the file
    target = Path(settings.export_root) / f"project-{project.id}.json"
    target.write_text(json.dumps(project.model_dump(mode="json")))
    return target


def test_integration(url: str) -> int:
    # expect: VC405/VC417 -- the server calls any URL the client sends
    resp = httpx.get(url, timeout=5)
    return resp.status_code


def notify_owner(project: Project) -> None:
    try:
        # expect: VC107 -- a refused notification goes unnoticed
        httpx.post("https://hooks.example.com/projects", json={"id": project.id}, timeout=5)
    # expect: VC102 -- logs a line without the traceback and goes on
    except Exception as exc:
        log.warning("notify failed: %s", exc)


def delete_tenant(session: Session, tenant_id: int) -> None:
    tenant = tenants.get(session, tenant_id)
    if tenant is not None:
        tenants.delete(session, tenant)
