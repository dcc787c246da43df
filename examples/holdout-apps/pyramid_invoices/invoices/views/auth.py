"""Login and logout."""
from pyramid.httpexceptions import HTTPFound
from pyramid.security import forget, remember
from pyramid.view import view_config
from sqlalchemy import select

from ..models import User
from ..security import check_password

SAFE_TARGETS = {"/", "/invoices", "/admin/users"}


@view_config(route_name="login", renderer="templates/login.mako", request_method="GET")
def login_form(request):
    return {"came_from": request.params.get("came_from", "/")}


@view_config(route_name="login", request_method="POST")
def login(request):
    name = request.POST.get("name", "")
    password = request.POST.get("password", "")
    user = request.dbsession.scalar(select(User).where(User.name == name))
    if user is None or not check_password(password, user.password_hash):
        return HTTPFound(location=request.route_url("login"))
    headers = remember(request, str(user.id))
    # expect: VC409 -- redirect target straight from the form
    return HTTPFound(location=request.POST.get("came_from", "/"), headers=headers)


@view_config(route_name="home", request_method="POST", permission="view")
def switch_home(request):
    target = request.POST.get("target", "/")
    if target not in SAFE_TARGETS:
        target = "/"
    # ok: VC409 -- allowlisted target
    return HTTPFound(location=target)
