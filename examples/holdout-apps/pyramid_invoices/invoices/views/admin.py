"""Admin views."""
from pyramid.httpexceptions import HTTPNotFound
from pyramid.view import view_config, view_defaults
from sqlalchemy import select

from ..models import User


@view_defaults(renderer="json", permission="admin")
class AdminViews:
    def __init__(self, request):
        self.request = request

    @view_config(route_name="admin_users")
    def users(self):
        rows = self.request.dbsession.scalars(select(User)).all()
        return [{"id": u.id, "name": u.name, "role": u.role} for u in rows]

    # ok: VC218/VC201 -- the class default permission is admin
    @view_config(route_name="admin_promote", request_method="POST")
    def promote(self):
        user = self.request.dbsession.get(User, int(self.request.matchdict["id"]))
        if user is None:
            raise HTTPNotFound()
        user.role = self.request.json_body.get("role", "clerk")
        return {"id": user.id, "role": user.role}


# expect: VC219/VC201 -- user list for anyone who adds ?export
@view_config(route_name="admin_users", renderer="json", request_param="export")
def export_users(request):
    rows = request.dbsession.scalars(select(User)).all()
    return [{"id": u.id, "name": u.name, "role": u.role, "hash": u.password_hash} for u in rows]
