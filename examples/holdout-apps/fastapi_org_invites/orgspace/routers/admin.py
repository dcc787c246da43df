from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import func, select

from ..deps import CurrentUser, DbSession, get_current_user, owner_only, platform_staff, require_superuser
from ..models import Organization, Project, User

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_superuser)])


@router.get("/stats")
def stats(db: DbSession):
    # ok: VC201/VC219 -- the router requires a superuser
    return {
        "users": db.scalar(select(func.count(User.id))),
        "organizations": db.scalar(select(func.count(Organization.id))),
        "projects": db.scalar(select(func.count(Project.id))),
    }


@router.delete("/orgs/{org_id}", status_code=status.HTTP_204_NO_CONTENT)
def purge_org(org_id: int, db: DbSession):
    # ok: VC214/VC218 -- superusers act on any organisation
    org = db.get(Organization, org_id)
    if org is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Organisation not found")
    db.delete(org)
    db.commit()


billing_router = APIRouter(prefix="/billing", tags=["billing"], dependencies=[Depends(get_current_user)])


@billing_router.get("/plans")
def list_plans():
    # ok: VC218/VC219 -- public price list
    return [{"id": "free", "seats": 3}, {"id": "team", "seats": 25}, {"id": "enterprise", "seats": None}]


# expect: VC218 -- changes the plan of any organisation; the router only asks for a signed-in user
@billing_router.post("/orgs/{org_id}/plan")
def set_plan(org_id: int, plan: str, db: DbSession):
    # expect: VC214 -- any organisation by id, too
    org = db.get(Organization, org_id)
    if org is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Organisation not found")
    org.plan = plan
    db.commit()
    return {"org_id": org.id, "plan": org.plan}


@billing_router.delete("/orgs/{org_id}", status_code=status.HTTP_204_NO_CONTENT)
@owner_only
async def close_org(org_id: int, user: CurrentUser, db: DbSession):
    # expect: VC214/VC218 -- owner_only checks nothing, so any user closes any organisation
    org = db.get(Organization, org_id)
    if org is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Organisation not found")
    db.delete(org)
    db.commit()


support_router = APIRouter(prefix="/support", tags=["support"])


@support_router.get("/users/{user_id}")
def support_lookup(user_id: int, db: DbSession, staff: dict = Depends(platform_staff)):
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "User not found")
    return {"id": user.id, "email": user.email}
