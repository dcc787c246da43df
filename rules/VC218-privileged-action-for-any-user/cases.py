"""VC218 corpus: privileged operations behind authentication only, and the role-checked look-alikes."""
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.shortcuts import redirect
from django.views import View
from fastapi import APIRouter, Depends, HTTPException
from flask import Blueprint
from flask_login import current_user, login_required as flask_login_required
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAdminUser, IsAuthenticated
import strawberry
from strawberry.permission import IsAuthenticated as StrawberryAuthenticated

from .auth import get_current_admin, get_current_user
from . import services
from .models import Order, Post, User, Workspace
from .db import db

router = APIRouter()
bp = Blueprint("mod", __name__)


class OrderViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated]

    # expect: VC218
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        self.get_object().refund()
        return Response({"status": "refunded"})

    # expect: VC218
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def approve(self, request, pk=None):
        self.get_object().approve()
        return Response({"status": "approved"})

    # expect: VC218
    @action(detail=True, methods=["post"], url_path="issue-credit")
    def issue_credit(self, request, pk=None):
        self.get_object().add_credit(10)
        return Response({})

    # ok: VC218
    @action(detail=True, methods=["post"], permission_classes=[IsAdminUser])
    def mark_paid(self, request, pk=None):
        self.get_object().mark_paid()
        return Response({})

    # ok: VC218
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        self.get_object().cancel()
        return Response({})

    # ok: VC218 -- a read
    @action(detail=True, methods=["get"])
    def refund_status(self, request, pk=None):
        return Response({"refunded": self.get_object().refunded})

    # ok: VC218
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        if not request.user.is_staff:
            return Response(status=403)
        self.get_object().reject()
        return Response({})


class AdminOrderViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAdminUser]

    # ok: VC218
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        self.get_object().refund()
        return Response({})


# expect: VC218
@router.post("/users/{user_id}/ban")
def ban_user(user_id: int, user=Depends(get_current_user)):
    return ban(user_id)


# expect: VC218
@router.post("/posts/{post_id}/moderate")
def moderate_post(post_id: int, current=Depends(get_current_user)):
    return Post.hide(post_id)


# expect: VC218
@bp.route("/users/<int:user_id>/promote", methods=["POST"])
@flask_login_required
def promote(user_id):
    User.query.get(user_id).make_moderator()
    return "", 204


# expect: VC218
@login_required
def approve_payout(request, pk):
    Order.objects.get(pk=pk).payout()
    return redirect("orders")


# expect: VC218
@router.post("/accounts/{account_id}/unlock")
def unlock_account(account_id: int, user=Depends(get_current_user)):
    return unlock(account_id)


# ok: VC218
@router.post("/users/{user_id}/ban/admin")
def ban_user_as_admin(user_id: int, admin=Depends(get_current_admin)):
    return ban(user_id)


# ok: VC218 -- the dependency lets only administrators in, whatever the parameter is called
@router.post("/users/{user_id}/sessions/revoke")
def revoke_user_sessions(user_id: int, session_user=Depends(get_admin_user)):
    return revoke_sessions(user_id)


# expect: VC218 -- a dependency that only signs the caller in, under a parameter named like the admin check's
@router.post("/users/{user_id}/sessions/revoke-all")
def revoke_all_sessions(user_id: int, session_user=Depends(get_verified_user)):
    return revoke_sessions(user_id)


# ok: VC218
@bp.route("/users/<int:user_id>/promote/checked", methods=["POST"])
@flask_login_required
def promote_checked(user_id):
    if not current_user.is_admin:
        abort(403)
    User.query.get(user_id).make_moderator()
    return "", 204


# ok: VC218
@staff_member_required
def approve_refund(request, pk):
    Order.objects.get(pk=pk).refund()
    return redirect("orders")


# ok: VC218
@permission_required("orders.refund")
def refund_order(request, pk):
    Order.objects.get(pk=pk).refund()
    return redirect("orders")


# ok: VC218 -- not authenticated at all: VC201's finding
@router.post("/posts/{post_id}/moderate/open")
def moderate_open(post_id: int):
    return Post.hide(post_id)


# ok: VC218 -- users publish their own posts
@router.post("/posts/{post_id}/publish")
def publish_post(post_id: int, current=Depends(get_current_user)):
    return Post.publish(post_id, current)


class PaymentViewSet(viewsets.ModelViewSet):
    permission_classes = [permissions.IsAuthenticated]

    # expect: VC218 -- `permissions.IsAuthenticated` spelled through its module still only authenticates
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        self.get_object().refund()
        return Response({"status": "refunded"})

    # ok: VC218
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAdminUser])
    def approve(self, request, pk=None):
        self.get_object().approve()
        return Response({"status": "approved"})


class PaymentViewSet(viewsets.ModelViewSet):
    """No `permission_classes`: DRF's `DEFAULT_PERMISSION_CLASSES` (a login, at most) decide."""

    # expect: VC218
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        self.get_object().refund()
        return Response({"status": "refunded"})

    # ok: VC218 -- the action restricts itself
    @action(detail=True, methods=["post"], permission_classes=[IsAdminUser])
    def approve(self, request, pk=None):
        self.get_object().approve()
        return Response({"status": "approved"})


class OpenPaymentViewSet(viewsets.ModelViewSet):
    permission_classes = [permissions.AllowAny]

    # ok: VC218 -- open to everyone: a missing guard, VC201's concern
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        self.get_object().refund()
        return Response({"status": "refunded"})


class ModeratedPaymentViewSet(viewsets.ModelViewSet):
    def get_permissions(self):
        return [IsAdminUser()]

    # ok: VC218 -- `get_permissions` decides
    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        self.get_object().refund()
        return Response({"status": "refunded"})


import strawberry
from pyramid.view import view_config, view_defaults

from .permissions import IsAuthenticated


@strawberry.type
class Mutation:
    # expect: VC218
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def refund_order(self, info, id: strawberry.ID) -> bool:
        refund(int(id))
        return True


@view_defaults(renderer="json", permission="admin")
class AdminViews:
    def __init__(self, request):
        self.request = request

    # ok: VC218 -- the class's default permission is an admin's
    @view_config(route_name="promote", request_method="POST")
    def promote(self):
        promote_user(int(self.request.matchdict["id"]))
        return {"ok": True}


# ok: VC218 -- a permission that reads as a role
@view_config(route_name="approve", request_method="POST", permission="admin")
def approve_invoice(request):
    approve(int(request.matchdict["id"]))
    return {"ok": True}


# ok: VC218 -- a permission named for the operation: the resource's access list grants it alone, to whom it names
@view_config(route_name="refund", request_method="POST", permission="order_refund")
def refund_invoice(request):
    refund(int(request.matchdict["id"]))
    return {"ok": True}


# expect: VC218 -- a permission granted for every edit says nothing about refunds
@view_config(route_name="refund_any", request_method="POST", permission="edit")
def refund_any_invoice(request):
    refund(int(request.matchdict["id"]))
    return {"ok": True}


class UserViews:
    def __init__(self, request):
        self.request = request

    # ok: VC218 -- devpi's user_delete: the user's access list grants `user_delete` to that user and to root
    @view_config(route_name="/{user}", request_method="DELETE", permission="user_delete")
    def user_delete(self):
        self.request.registry.model.get_user(self.request.matchdict["user"]).delete()
        return {"deleted": True}

    # expect: VC218 -- `edit` is granted for many operations, often to every signed-in user
    @view_config(route_name="/{user}/remove", request_method="DELETE", permission="edit")
    def user_remove(self):
        self.request.registry.model.get_user(self.request.matchdict["user"]).delete()
        return {"deleted": True}


# ok: VC218 -- a user revoking an API key (self-service, as a logout is); whose key it is, is the object lookup's question
@router.delete("/keys/{key_hash}")
def revoke_key(key_hash: str, session_user=Depends(get_verified_user)):
    return revoke_api_key(key_hash, owner=session_user.id)


# expect: VC218 -- the client names the user whose tokens every signed-in user may revoke
@router.post("/users/{username}/tokens/revoke")
def revoke_user_tokens(username: str, session_user=Depends(get_verified_user)):
    return revoke_tokens(username)


@router.delete("/tenants/{tenant_id}")
def remove_tenant(tenant_id: int, user=Depends(get_current_user)):
    # expect: VC218 -- any signed-in user deletes any tenant: the service call says what the route does
    services.delete_tenant(db, tenant_id)
    return {"deleted": tenant_id}


# expect: VC218 -- it closes the account the client names, whoever asks
@router.post("/users/{user_id}/deactivate")
def deactivate_user(user_id: int, user=Depends(get_current_user)):
    User.objects.filter(pk=user_id).update(is_active=False)
    return {"ok": True}


# ok: VC218 -- it compares the account with the caller: closing one's own account
@router.post("/users/{user_id}/close")
def close_user(user_id: int, user=Depends(get_current_user)):
    if user.id != user_id:
        raise HTTPException(status_code=403)
    services.deactivate_user(db, user_id)
    return {"ok": True}


# ok: VC218 -- the caller's own account: the client names none
@router.delete("/me")
def delete_my_user(user=Depends(get_current_user)):
    services.delete_user(db, user.id)
    return {"ok": True}


# ok: VC218 -- administrators only
@router.delete("/admin/tenants/{tenant_id}")
def purge_tenant(tenant_id: int, admin=Depends(get_current_admin)):
    services.delete_tenant(db, tenant_id)
    return {"deleted": tenant_id}


# ok: VC218 -- the workspace is looked up among the caller's own
@router.delete("/workspaces/{workspace_id}")
def delete_workspace(workspace_id: int, user=Depends(get_current_user)):
    workspace = Workspace.objects.get(pk=workspace_id, owner=user)
    workspace.delete()
    return {"ok": True}


# ok: VC218 -- a project is no account: whose it is, is VC214's question
@router.delete("/projects/{project_id}")
def delete_project(project_id: int, user=Depends(get_current_user)):
    services.delete_project(db, project_id)
    return {"ok": True}


class DeactivateUserView(LoginRequiredMixin, View):
    # expect: VC218 -- the class names the operation
    def post(self, request, user_id):
        User.objects.filter(pk=user_id).update(is_active=False)
        return redirect("/")


class ReactivateUserView(PermissionRequiredMixin, View):
    permission_required = "auth.change_user"

    # ok: VC218 -- a permission restricts the view
    def post(self, request, user_id):
        User.objects.filter(pk=user_id).update(is_active=True)
        return redirect("/")


class RefundView(LoginRequiredMixin, View):
    # expect: VC218 -- the class names the privileged verb
    def post(self, request, pk):
        Order.objects.get(pk=pk).refund()
        return redirect("/")


@strawberry.type
class Mutation:
    # expect: VC218 -- a resolver behind authentication only
    @strawberry.mutation(permission_classes=[StrawberryAuthenticated])
    def deactivate_user(self, info, user_id: int) -> bool:
        user = info.context.db.get(User, user_id)
        user.is_active = False
        return True

    # ok: VC218 -- it reads the caller: only one's own account
    @strawberry.mutation(permission_classes=[StrawberryAuthenticated])
    def deactivate_me(self, info, user_id: int) -> bool:
        if info.context.user.id != user_id:
            raise PermissionError("not yours")
        info.context.user.is_active = False
        return True


from flask_socketio import SocketIO, emit  # noqa: E402

socketio = SocketIO()


@socketio.on("connect")
def on_connect(auth):
    if not current_user.is_authenticated:
        raise ConnectionRefusedError("sign in first")


# expect: VC218 -- every connected user may ban
@socketio.on("ban_user")
def on_ban_user(data):
    user = db.session.get(User, data["user_id"])
    user.banned = True


# ok: VC218 -- the handler checks the caller's role
@socketio.on("ban_member")
def on_ban_member(data):
    if not current_user.is_admin:
        return
    user = db.session.get(User, data["user_id"])
    user.banned = True
