from fastapi import APIRouter, Depends

from app.api.deps import get_current_active_superuser, get_current_user, get_optional_user
from app.api.routes import admin, items, login, reports, users, warehouses

api_router = APIRouter()
api_router.include_router(login.router)
api_router.include_router(users.router)
api_router.include_router(items.router)
api_router.include_router(warehouses.router, dependencies=[Depends(get_current_user)])
api_router.include_router(admin.router, dependencies=[Depends(get_current_active_superuser)])

private_router = APIRouter(dependencies=[Depends(get_optional_user)])
private_router.include_router(reports.router)
api_router.include_router(private_router)
