"""VC214 corpus: authenticated handlers that fetch by a client id without relating the object to the caller."""
from typing import Annotated

from django.contrib.auth.decorators import login_required, user_passes_test
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views import View
from django.views.generic import DeleteView, DetailView, UpdateView
from fastapi import APIRouter, Depends, Header, HTTPException
from firebase_admin.auth import UserRecord
from flask import Blueprint, abort, g, request, send_file
from flask.views import MethodView
from flask_jwt_extended import get_jwt, get_jwt_identity, jwt_required
from flask_login import current_user, login_required as flask_login_required
from flask_restx import Resource
from litestar import Controller, Request as LitestarRequest, delete as litestar_delete, get
from rest_framework import viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .auth import (admin_required, current_customer, firebase_user, get_current_patient, get_current_user,
                   get_user_repository, get_workspace_service, checked_tenant_id, moderator_required, require_admin)
from . import crud, services, store
from .db import SessionLocal, db, fetch_one, get_db, get_repo, query_db
from .guards import current_principal, ensure_logged_in, requires_admin_role, requires_login
from .deps import Seller, Teacher
from .repositories import SubmissionRepository
from .schemas import SellerIn
from sqlalchemy import select, text
from starlette.authentication import requires
from .models import Comment, Customer, Document, Invoice, Label, Locale, Message, Note, Order, Post, Room, Team, Tenant, Ticket, Todo, User, Patient, Visit

router = APIRouter()
bp = Blueprint("notes", __name__)
CurrentUser = Annotated[User, Depends(get_current_user)]


@login_required
def delete_invoice(request, pk):
    # expect: VC214
    invoice = get_object_or_404(Invoice, pk=pk)
    invoice.delete()
    return redirect("invoices")


@login_required
def todo_detail(request, todo_id):
    # expect: VC214
    todo = Todo.objects.get(pk=todo_id)
    return render(request, "todo.html", {"todo": todo})


@login_required
def archive_notes(request, note_id):
    # expect: VC214
    Note.objects.filter(id=note_id).update(archived=True)
    return redirect("notes")


@router.delete("/items/{item_id}")
def delete_item(item_id: int, user: User = Depends(get_current_user), session=Depends(get_db)):
    # expect: VC214
    item = session.get(Order, item_id)
    session.delete(item)
    return {"ok": True}


@router.get("/documents/{doc_id}")
def read_document(doc_id: int, current: CurrentUser, session=Depends(get_db)):
    # expect: VC214
    document = session.query(Document).filter(Document.id == doc_id).first()
    if document is None:
        raise HTTPException(404)
    return document


@bp.route("/notes/<int:note_id>/delete", methods=["POST"])
@flask_login_required
def delete_note(note_id):
    # expect: VC214
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return "", 204


@bp.get("/download/<int:file_id>")
@jwt_required()
def download(file_id):
    # expect: VC214
    row = get_db().execute("SELECT path FROM files WHERE id = ?", (file_id,)).fetchone()
    return send_file(row["path"])


class OrderView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        # expect: VC214
        order = Order.objects.get(pk=pk)
        return Response({"total": order.total})


class NoteEdit(LoginRequiredMixin, View):
    def post(self, request, note_id):
        # expect: VC214
        note = Note.objects.get(id=note_id)
        note.text = request.POST["text"]
        note.save()
        return redirect("notes")


@login_required
def delete_own_invoice(request, pk):
    # ok: VC214
    invoice = get_object_or_404(Invoice, pk=pk, owner=request.user)
    invoice.delete()
    return redirect("invoices")


@login_required
def own_todo(request, todo_id):
    # ok: VC214
    todo = Todo.objects.get(pk=todo_id)
    if todo.created_by_id != request.user.id:
        abort(404)
    return render(request, "todo.html", {"todo": todo})


def public_todo(request, todo_id):
    # ok: VC214 -- not authenticated: whether it should be is VC201's question
    todo = Todo.objects.get(pk=todo_id)
    return render(request, "todo.html", {"todo": todo})


@router.delete("/items/{item_id}/mine")
def delete_my_item(item_id: int, user: User = Depends(get_current_user), session=Depends(get_db)):
    # ok: VC214
    item = session.query(Order).filter(Order.id == item_id, Order.owner_id == user.id).first()
    session.delete(item)
    return {"ok": True}


@bp.route("/notes/<int:note_id>/edit", methods=["POST"])
@flask_login_required
def edit_note(note_id):
    # ok: VC214
    note = Note.query.filter_by(id=note_id, author=current_user).first_or_404()
    note.text = "x"
    return "", 204


@bp.get("/files/<int:file_id>")
@jwt_required()
def own_file(file_id):
    # ok: VC214
    row = get_db().execute("SELECT path FROM files WHERE id = ? AND owner_id = ?", (file_id, get_jwt_identity())).fetchone()
    return send_file(row["path"])


class OwnOrderView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        # ok: VC214
        order = self.get_object()
        return Response({"total": order.total, "pk": pk})


@login_required
def search(request, page_id):
    # ok: VC214 -- a cache is no object store
    cached = cache.get(page_id)
    return render(request, "page.html", {"page": cached})


@login_required
def user_profile(request, username_slug):
    # ok: VC214
    profile = get_object_or_404(User, username=username_slug)
    return render(request, "profile.html", {"profile": profile})


class OrderViewSet(viewsets.ModelViewSet):
    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return Order.objects.filter(buyer=self.request.user)

    @action(detail=True, methods=["post"])
    def ship(self, request, pk=None):
        # expect: VC214 -- an extra route of the viewset reads any order by the client's pk
        order = Order.objects.get(pk=pk)
        order.status = "shipped"
        order.save()
        return Response({"status": order.status})

    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        # ok: VC214 -- through the scoped queryset
        order = self.get_object()
        order.status = "cancelled"
        order.save()
        return Response({"status": order.status})

    @action(detail=True, methods=["post"], url_path="ship/v2")
    def ship_own(self, request, pk=None):
        # ok: VC214
        order = get_object_or_404(Order, pk=pk, listing__seller=request.user)
        order.status = "shipped"
        order.save()
        return Response({"status": order.status})

    @action(detail=True, methods=["post"], permission_classes=[IsAdminUser])
    def refund(self, request, pk=None):
        # ok: VC214 -- staff reach every order by design
        order = Order.objects.get(pk=pk)
        order.status = "refunded"
        order.save()
        return Response({"status": order.status})

    def summary(self, pk=None):
        # ok: VC214 -- a helper method, no route
        return Order.objects.get(pk=pk).total


# expect: VC214
class ProfileViewSet(viewsets.ModelViewSet):
    queryset = Profile.objects.all()
    serializer_class = ProfileSerializer

    def perform_create(self, serializer):
        serializer.save(user=self.request.user)


# ok: VC214
class OwnProfileViewSet(viewsets.ModelViewSet):
    serializer_class = ProfileSerializer

    def get_queryset(self):
        return Profile.objects.filter(user=self.request.user)

    def perform_create(self, serializer):
        serializer.save(user=self.request.user)


# ok: VC214 -- every edit records its editor: the pages are shared and edited by all, the author kept for the record
class WikiPageViewSet(viewsets.ModelViewSet):
    queryset = WikiPage.objects.all()
    serializer_class = WikiPageSerializer

    def perform_create(self, serializer):
        serializer.save(created_by=self.request.user)

    def perform_update(self, serializer):
        serializer.save(last_edited_by=self.request.user)


# expect: VC214 -- the update stamps a time, not the editor: the creator stays the only one who should change it
class DiaryEntryViewSet(viewsets.ModelViewSet):
    queryset = DiaryEntry.objects.all()
    serializer_class = DiaryEntrySerializer

    def perform_create(self, serializer):
        serializer.save(created_by=self.request.user)

    def perform_update(self, serializer):
        serializer.save(updated_at=timezone.now())


class OwnProfilesMixin:
    def get_queryset(self):
        return super().get_queryset().filter(user=self.request.user)


# ok: VC214 -- the mixin scopes the queryset to the caller
class ScopedProfileViewSet(OwnProfilesMixin, viewsets.ModelViewSet):
    queryset = Profile.objects.all()
    serializer_class = ProfileSerializer

    def perform_create(self, serializer):
        serializer.save(user=self.request.user)


# ok: VC214
class CatalogViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    permission_classes = [IsAdminUser]


class ProjectMemberViewSet(viewsets.ModelViewSet):
    serializer_class = MembershipSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        project_id = self.request.query_params.get("project")
        # expect: VC214 -- the members of any project the client names, editable and deletable by anyone
        return Membership.objects.filter(project_id=project_id, active=True)


class TaskCommentViewSet(viewsets.ModelViewSet):
    serializer_class = CommentSerializer

    def get_queryset(self):
        # expect: VC214
        return Comment.objects.filter(task_id=self.request.query_params["task"])


class OwnProjectMemberViewSet(viewsets.ModelViewSet):
    serializer_class = MembershipSerializer

    def get_queryset(self):
        project_id = self.request.query_params.get("project")
        # ok: VC214 -- only projects the caller owns
        return Membership.objects.filter(project_id=project_id, project__owner=self.request.user)


class ProjectMemberListViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MembershipSerializer

    def get_queryset(self):
        # ok: VC214 -- a listing: no one changes or deletes through it
        return Membership.objects.filter(project_id=self.request.query_params.get("project"))


class CheckedCommentViewSet(viewsets.ModelViewSet):
    serializer_class = CommentSerializer

    def get_queryset(self):
        # ok: VC214 -- the changes are checked against the caller below
        return Comment.objects.filter(task_id=self.request.query_params["task"])

    def perform_update(self, serializer):
        if serializer.instance.author != self.request.user:
            raise PermissionDenied()
        serializer.save()


class ModeratedCommentViewSet(viewsets.ModelViewSet):
    serializer_class = CommentSerializer
    permission_classes = [IsCommentAuthor]

    def get_queryset(self):
        # ok: VC214 -- an object permission compares the author
        return Comment.objects.filter(task_id=self.request.query_params["task"])


@bp.route("/bills/<int:bill_id>/delete", methods=["POST"])
@flask_login_required
def delete_bill(bill_id):
    # ok: VC214 -- the lookup is handed the project the app's hook put on `g`, and its query class filters by it
    bill = Bill.query.get(g.project, bill_id)
    db.session.delete(bill)
    db.session.commit()
    return "", 204


@bp.route("/members/<int:member_id>/reactivate", methods=["POST"])
@flask_login_required
def reactivate_member(member_id):
    # expect: VC214 -- compared inside a filter on another table, the project joins nothing: any member id matches
    member = Member.query.filter(Member.id == member_id).filter(Project.id == g.project.id).first()
    member.active = True
    db.session.commit()
    return "", 204


class BillResource(Resource):
    method_decorators = [need_project_auth]

    def delete(self, project, bill_id):
        # ok: VC214 -- the project the auth decorator hands in place of the URL's id scopes the lookup
        bill = Bill.query.get(project, bill_id)
        db.session.delete(bill)
        db.session.commit()
        return "", 204

    def put(self, db_session, bill_id):
        # expect: VC214 -- a database handle scopes nothing
        bill = Bill.query.get(db_session, bill_id)
        bill.amount = request.json["amount"]
        db.session.commit()
        return "", 204


@bp.route("/users/<int:user_id>", methods=["POST"])
@flask_login_required
def update_user_email(user_id):
    # expect: VC214 -- the fetched account is the object, not the caller, and the handler changes it
    account = User.query.get(user_id)
    account.email = request.json["email"]
    db.session.commit()
    return {"ok": True}


@bp.route("/users/<int:user_id>", methods=["DELETE"])
@flask_login_required
def delete_user(user_id):
    # expect: VC214 -- a variable named `user` that holds the looked-up row says nothing about the caller
    user = db.session.get(User, user_id)
    db.session.delete(user)
    db.session.commit()
    return {"ok": True}


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@flask_login_required
def change_password(user_id):
    # ok: VC214 -- the handler compares the object with the caller before changing it
    account = User.query.get_or_404(user_id)
    if account.id != current_user.id:
        abort(403)
    account.set_password(request.json["password"])
    db.session.commit()
    return {"ok": True}


@bp.route("/members/<int:user_id>")
@flask_login_required
def member_page(user_id):
    # ok: VC214 -- reading another member's public page by id changes nothing
    member = User.query.get_or_404(user_id)
    return {"name": member.name}


@bp.route("/items/<int:item_id>", methods=["DELETE"])
@admin_required
def admin_delete_item(item_id):
    # ok: VC214 -- an admin-only guard reaches every object by design
    Order.query.filter_by(id=item_id).delete()
    return "", 204


@user_passes_test(lambda u: u.is_staff)
def customer_detail(request, customer_id):
    # ok: VC214 -- the guard's test is a staff check
    customer = get_object_or_404(User, pk=customer_id)
    return render(request, "customer.html", {"customer": customer})


@router.post("/orders/{order_id}/cancel")
def cancel_any_order(order_id: int, admin: User = Depends(require_admin), session=Depends(get_db)):
    # ok: VC214 -- the dependency restricts the route to admins
    order = session.get(Order, order_id)
    order.status = "cancelled"
    return order


@router.delete("/connections/{connection_id}", dependencies=[Depends(requires_access_connection(method="DELETE"))])
def delete_connection(connection_id: str, user: User = Depends(get_current_user), session=Depends(get_db)):
    # ok: VC214 -- the route's dependency checks the caller's access to the connection its path names
    connection = session.get(Connection, connection_id)
    session.delete(connection)


@router.delete("/keys/{key_id}", dependencies=[Depends(require_access_token)])
def delete_api_key(key_id: str, user: User = Depends(get_current_user), session=Depends(get_db)):
    # expect: VC214 -- an access token only says who calls
    key = session.get(ApiKey, key_id)
    session.delete(key)


def _delete_shelf_checked(shelf):
    if shelf.user_id != current_user.id:
        return False
    db.session.delete(shelf)
    return True


def _delete_shelf_logged(shelf):
    logger.info("%s deletes %s", current_user, shelf)
    db.session.delete(shelf)


@bp.route("/shelves/<int:shelf_id>/delete", methods=["POST"])
@flask_login_required
def delete_shelf(shelf_id):
    # ok: VC214 -- the helper it hands the shelf to compares its owner with the signed-in user
    shelf = Shelf.query.filter(Shelf.id == shelf_id).first()
    return {"deleted": _delete_shelf_checked(shelf)}


@bp.route("/shelves/<int:shelf_id>/drop", methods=["POST"])
@flask_login_required
def drop_shelf(shelf_id):
    # expect: VC214 -- the helper only logs who deletes it
    shelf = Shelf.query.filter(Shelf.id == shelf_id).first()
    _delete_shelf_logged(shelf)
    return {"deleted": True}


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
@jwt_required()
def deactivate_user(user_id):
    if get_jwt()["role"] != "admin":
        abort(403)
    # ok: VC214 -- the role claim of the verified token is checked first
    account = User.query.get_or_404(user_id)
    account.active = False
    return {"ok": True}


@bp.route("/orders/<int:order_id>/refund", methods=["POST"])
@jwt_required()
def refund_order(order_id):
    if request.headers.get("X-Role") != "admin":
        abort(403)
    # expect: VC214 -- a role the client sends in a header restricts nothing
    order = Order.query.get_or_404(order_id)
    order.refund()
    return {"ok": True}


class StaffOnlyMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_staff


class RefundView(StaffOnlyMixin, View):
    def post(self, request, pk):
        # ok: VC214 -- a staff-only mixin
        order = Order.objects.get(pk=pk)
        order.refund()
        return redirect("orders")


class EditorsSendView(LoginRequiredMixin, UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.groups.filter(name="editors").exists()

    def post(self, request, pk):
        # ok: VC214 -- `test_func` lets only editors in, and they send any post
        post = Post.objects.get(pk=pk)
        post.send_newsletter()
        return redirect("posts")


class AnyMemberRefundView(LoginRequiredMixin, UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_authenticated and self.request.user.is_active

    def post(self, request, pk):
        # expect: VC214 -- `test_func` only asks for an active login
        order = Order.objects.get(pk=pk)
        order.refund()
        return redirect("orders")


# expect: VC214 -- any signed-in user reads any order by changing the pk in the URL
class OrderDetailView(LoginRequiredMixin, DetailView):
    model = Order
    template_name = "order.html"


# expect: VC214
class NoteDeleteView(LoginRequiredMixin, DeleteView):
    queryset = Note.objects.all()
    success_url = "/notes/"


# ok: VC214 -- the queryset is the caller's own
class NoteUpdateView(LoginRequiredMixin, UpdateView):
    model = Note
    fields = ["body"]

    def get_queryset(self):
        return Note.objects.filter(owner=self.request.user)


# ok: VC214 -- a member's profile page is meant for the other members
class MemberDetailView(LoginRequiredMixin, DetailView):
    model = User


class AuthorGateMixin:
    """Sends away whoever did not write the document, before any handler runs."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_object().author_id != request.user.id:
            return redirect("documents")
        return super().dispatch(request, *args, **kwargs)


class EditorPageMixin(AuthorGateMixin):
    template_name = "document_form.html"


# ok: VC214 -- a mixin two bases up redirects anyone who is not the author
class DocumentEditView(LoginRequiredMixin, EditorPageMixin, UpdateView):
    model = Document
    fields = ["title", "body"]


class VisitCountingMixin:
    """Counts the visits of a page: it reads the caller but checks nothing."""

    def dispatch(self, request, *args, **kwargs):
        self.viewer = request.user
        return super().dispatch(request, *args, **kwargs)


# expect: VC214 -- the mixin's dispatch only records the caller
class DocumentRenameView(LoginRequiredMixin, VisitCountingMixin, UpdateView):
    model = Document
    fields = ["title"]


@router.get("/projects/{project_id}")
async def read_project(project_id: int, user: CurrentUser):
    # expect: VC214 -- an async ORM looks up on the model class itself
    project = await Document.get_or_none(id=project_id)
    if project is None:
        raise HTTPException(404)
    return project


@router.get("/mongo-notes/{note_id}")
async def read_mongo_note(note_id: str, user: CurrentUser):
    # expect: VC214
    return await db.notes.find_one({"_id": note_id})


@router.get("/own-notes/{note_id}")
async def read_own_note(note_id: str, user: CurrentUser):
    # ok: VC214
    return await db.notes.find_one({"_id": note_id, "owner_id": user.id})


class TeamMembersView(APIView):
    """No `permission_classes`: DRF's `DEFAULT_PERMISSION_CLASSES` (a login, at most) decide."""

    # expect: VC214 -- reported on the view method, where VC201 reports it when the settings leave DRF's default open
    def post(self, request, pk):
        team = Team.objects.get(pk=pk)
        team.members.add(request.data["user_id"])
        return Response(status=201)

    def delete(self, request, pk):
        team = Team.objects.get(pk=pk)
        # ok: VC214 -- the owner is checked
        if team.owner_id != request.user.id:
            return Response(status=403)
        team.members.remove(request.data["user_id"])
        return Response(status=204)

    def put(self, request, pk):
        # ok: VC214 -- `get_object()` runs the object permissions
        team = self.get_object()
        team.name = request.data["name"]
        team.save()
        return Response(status=200)


class AdminTeamView(APIView):
    permission_classes = [IsAdminUser]

    def delete(self, request, pk):
        # ok: VC214 -- staff reach every team by design
        Team.objects.get(pk=pk).delete()
        return Response(status=204)


class OpenTeamView(APIView):
    permission_classes = [AllowAny]

    def get(self, request, pk):
        # ok: VC214 -- an open view: not an authenticated lookup (VC201 and VC219 judge open views)
        return Response({"name": Team.objects.get(pk=pk).name})


# expect: VC214
@api_view(["POST"])
def archive_team(request, team_id):
    team = get_object_or_404(Team, pk=team_id)
    team.archived = True
    team.save()
    return Response(status=204)


@api_view(["POST"])
@permission_classes([AllowAny])
def public_team_ping(request, team_id):
    # ok: VC214 -- open by its own permission classes
    team = get_object_or_404(Team, pk=team_id)
    team.pinged = True
    team.save()
    return Response(status=204)


@router.get("/invoices/{invoice_id}")
def read_invoice(invoice_id: int, caller: Annotated[UserRecord, Depends(firebase_user)], session=Depends(get_db)):
    # expect: VC214 -- the factory names the caller; its type comes from another library
    return session.get(Invoice, invoice_id)


@router.get("/invoices/{invoice_id}/pdf")
def invoice_pdf(invoice_id: int, claims: Annotated[dict, Depends(firebase_user)], session=Depends(get_db)):
    # expect: VC214 -- a dict of token claims is still the signed-in caller
    return session.query(Invoice).filter(Invoice.id == invoice_id).first()


@router.get("/invoices/{invoice_id}/mine")
def my_invoice(invoice_id: int, caller: Annotated[UserRecord, Depends(firebase_user)], session=Depends(get_db)):
    # ok: VC214
    return session.query(Invoice).filter(Invoice.id == invoice_id, Invoice.owner_uid == caller.uid).first()


@router.get("/public-invoices/{invoice_id}")
def shared_invoice(invoice_id: int, repo: Annotated[UserRecord, Depends(get_user_repository)], session=Depends(get_db)):
    # ok: VC214 -- a repository of users is no caller: the handler is not known to be signed in
    return session.get(Invoice, invoice_id)


@router.get("/customer-invoices/{invoice_id}")
async def customer_invoice(invoice_id: int, customer: Customer = Depends(current_customer)):
    # expect: VC214 -- the dependency is the current customer: the caller in a role
    return await Invoice.get_or_none(id=invoice_id)


@router.get("/customer-invoices/{invoice_id}/receipt")
async def customer_receipt(invoice_id: int, customer: Customer = Depends(current_customer)):
    # ok: VC214 -- scoped by the caller's id (Tortoise keyword lookup)
    return await Invoice.get_or_none(id=invoice_id, customer_id=customer.id)


@router.post("/customer-invoices/{invoice_id}/pay")
async def customer_pay(invoice_id: int, buyer: Customer = Depends(current_customer)):
    # ok: VC214 -- scoped by the caller itself, whatever the parameter's name
    return await Invoice.get_or_none(id=invoice_id, customer=buyer)


@router.get("/visits/{visit_id}")
async def patient_visit(visit_id: int, me: Annotated[Patient, Depends(get_current_patient)]):
    # ok: VC214
    return await Visit.get_or_none(id=visit_id, patient=me)


@bp.get("/files/<int:file_id>/meta")
@jwt_required()
def file_meta(file_id):
    # expect: VC214 -- the project's SQL helper gets a statement that selects by the client's id alone
    rows = query_db("SELECT name, size FROM files WHERE id = ?", (file_id,))
    return rows[0]


@bp.delete("/files/<int:file_id>/tags")
@jwt_required()
def clear_tags(file_id):
    # expect: VC214 -- SQLAlchemy `text()` through the session
    db.session.execute(text("DELETE FROM file_tags WHERE file_id = :id"), {"id": file_id})
    db.session.commit()
    return "", 204


@bp.get("/files/<int:file_id>/mine")
@jwt_required()
def my_file_meta(file_id):
    # ok: VC214 -- the statement names the owner
    rows = query_db("SELECT name FROM files WHERE id = ? AND owner_id = ?", (file_id, get_jwt_identity()))
    return rows[0]


@bp.post("/files/<int:file_id>/views")
@jwt_required()
def count_view(file_id):
    # ok: VC214 -- an insert adds a row; it reads nothing the caller does not own
    query_db("INSERT INTO file_views (file_id, at) VALUES (?, now())", (file_id,))
    return "", 204


@bp.get("/files/<int:file_id>/log")
@jwt_required()
def file_log(file_id):
    # ok: VC214 -- a log line that mentions the id is no lookup
    app_log("select file where id=%s", file_id)
    return ""


signed_in = APIRouter(prefix="/tickets", dependencies=[Depends(get_current_user)])
admins_only = APIRouter(prefix="/admin/tickets", dependencies=[Depends(require_admin)])
sessions_only = APIRouter(prefix="/open/tickets", dependencies=[Depends(get_db)])


@signed_in.delete("/{ticket_id}")
def delete_ticket(ticket_id: int, session=Depends(get_db)):
    # expect: VC214 -- the router signs the caller in for every route; the handler never looks at them
    session.query(Order).filter(Order.id == ticket_id).delete()


@admins_only.delete("/{ticket_id}")
def admin_delete_ticket(ticket_id: int, session=Depends(get_db)):
    # ok: VC214 -- the router lets only admins in
    session.query(Order).filter(Order.id == ticket_id).delete()


@sessions_only.get("/{ticket_id}")
def open_ticket(ticket_id: int, session=Depends(get_db)):
    # ok: VC214 -- nobody is signed in here: whether that is right is VC201's question
    return session.get(Order, ticket_id)


class InvoiceResource(Resource):
    method_decorators = [jwt_required()]

    def get(self, invoice_id):
        # expect: VC214 -- `method_decorators` signs the caller in for every method
        return Invoice.query.get_or_404(invoice_id).to_dict()


class MyInvoiceResource(Resource):
    method_decorators = {"get": [jwt_required()]}

    def get(self, invoice_id):
        # ok: VC214
        return Invoice.query.filter_by(id=invoice_id, owner_id=get_jwt_identity()).first_or_404().to_dict()


class NoteView(MethodView):
    decorators = [flask_login_required]

    def post(self, note_id):
        # expect: VC214 -- Flask's `decorators` class attribute
        note = Note.query.get_or_404(note_id)
        note.archived = True
        return ""


@router.patch("/members/{member_id}")
def patch_member(member_id: int, body: dict, user: User = Depends(get_current_user), repo=Depends(get_repo)):
    # expect: VC214 -- a repository reads the row it is asked for
    member = repo.by_id(member_id)
    for key, value in body.items():
        setattr(member, key, value)
    return member


@router.get("/items/{item_id}/crud")
def read_item_crud(item_id: int, user: User = Depends(get_current_user), session=Depends(get_db)):
    # expect: VC214 -- FastAPI's project template spells it `crud.<model>.get(db, id=...)`
    return crud.item.get(session, id=item_id)


@router.patch("/members/{member_id}/self")
def patch_self(member_id: int, body: dict, user: User = Depends(get_current_user), repo=Depends(get_repo)):
    if member_id != user.id:
        raise HTTPException(403)
    # ok: VC214 -- the caller may only change their own row
    member = repo.by_id(member_id)
    member.name = body["name"]
    return member


@router.get("/catalog/{product_id}")
def read_product(product_id: int, repo=Depends(get_repo)):
    # ok: VC214 -- nobody is signed in: a public catalogue
    return repo.by_id(product_id)


@get("/notes/{note_id:int}", guards=[requires_login])
async def read_note_litestar(note_id: int) -> dict:
    # expect: VC214 -- Litestar's route guard signs the caller in; the SQL never mentions them
    return await fetch_one("SELECT * FROM notes WHERE id = $1", note_id)


@get("/mine/{note_id:int}", guards=[requires_login])
async def read_own_note_litestar(request: LitestarRequest, note_id: int) -> dict:
    # ok: VC214
    return await fetch_one("SELECT * FROM notes WHERE id = $1 AND owner_id = $2", note_id, request.session["user_id"])


@get("/published/{note_id:int}")
async def read_published_note(note_id: int) -> dict:
    # ok: VC214 -- no guard: nobody is signed in to be scoped to
    return await fetch_one("SELECT * FROM notes WHERE id = $1 AND published", note_id)


class NoteController(Controller):
    path = "/notes"
    guards = [requires_login]

    @get("/{note_id:int}")
    async def read_note(self, note_id: int) -> dict:
        # expect: VC214 -- the controller's guards sign the caller in; the SQL never mentions them
        return await fetch_one("SELECT * FROM notes WHERE id = $1", note_id)

    @litestar_delete("/{note_id:int}")
    async def delete_note(self, note_id: int, db_session: AsyncSession) -> None:
        # expect: VC214
        note = await db_session.get(Note, note_id)
        await db_session.delete(note)

    @get("/mine/{note_id:int}")
    async def read_own_note(self, request: LitestarRequest, note_id: int) -> dict:
        # ok: VC214
        return await fetch_one("SELECT * FROM notes WHERE id = $1 AND owner_id = $2", note_id, request.user.id)

    async def load(self, note_id: int) -> dict:
        # ok: VC214 -- a helper method, not a route
        return await fetch_one("SELECT * FROM notes WHERE id = $1", note_id)


class PublicNoteController(Controller):
    path = "/public"

    @get("/{note_id:int}")
    async def read_note(self, note_id: int) -> dict:
        # ok: VC214 -- no guard: nobody is signed in to be scoped to
        return await fetch_one("SELECT * FROM notes WHERE id = $1", note_id)


class TicketCommentsView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, ticket_id):
        # expect: VC214 -- the caller signs the new comment; nothing says the ticket is theirs
        ticket = Ticket.objects.get(pk=ticket_id)
        comment = Comment.objects.create(ticket=ticket, author=request.user, text=request.data["text"])
        return Response({"id": comment.id})

    def put(self, request, ticket_id):
        # ok: VC214 -- the ticket is looked up among the caller's own
        ticket = Ticket.objects.get(pk=ticket_id, reporter=request.user)
        Comment.objects.create(ticket=ticket, author=request.user, text=request.data["text"])
        return Response({"ok": True})


@bp.post("/notes/<int:note_id>/labels")
@flask_login_required
def add_label(note_id):
    # expect: VC214
    note = Note.query.get_or_404(note_id)
    db.session.add(Label(note=note, created_by=current_user, name=request.form["name"]))
    db.session.commit()
    return "", 201


@login_required
def export_document(request, pk):
    # expect: VC214 -- the owner-like field is only shown, in the row written out
    document = get_object_or_404(Document, pk=pk)
    return csv_response([document.title, document.author, document.body], {"owner": document.owner_name})


@login_required
def export_own_document(request, pk):
    # ok: VC214 -- the owner is tested before the row is written
    document = get_object_or_404(Document, pk=pk)
    if document.owner_id != request.user.id:
        return redirect("documents")
    return csv_response([document.title, document.author, document.body])


@login_required
def export_checked_document(request, pk):
    # ok: VC214 -- a check named for ownership, given the object's owner field
    document = get_object_or_404(Document, pk=pk)
    ensure_owner(document.owner)
    return csv_response([document.title, document.body])


@requires("authenticated")
async def starlette_note(request):
    note_id = request.path_params["note_id"]
    async with SessionLocal() as session:
        # expect: VC214 -- Starlette: the id is read from the request, the caller never compared
        note = await session.get(Note, note_id)
        return {"id": note.id, "title": note.title}


@requires("authenticated")
async def starlette_own_note(request):
    note_id = int(request.path_params["note_id"])
    async with SessionLocal() as session:
        # ok: VC214
        note = await session.scalar(select(Note).where(Note.id == note_id, Note.owner_id == request.user.id))
        return {"id": note.id}


@requires(["authenticated", "admin"])
async def starlette_any_note(request):
    note_id = request.path_params["note_id"]
    async with SessionLocal() as session:
        # ok: VC214 -- admins reach every note by design
        note = await session.get(Note, note_id)
        return {"id": note.id}


async def starlette_listed_note(request):
    await ensure_logged_in(request)
    note_id = int(request.path_params["note_id"])
    async with SessionLocal() as session:
        # expect: VC214 -- signed in by a call in the body (a handler of `routes = [Route(...)]`), the owner never compared
        note = await session.get(Note, note_id)
        return {"id": note.id}


async def starlette_listed_own_note(request):
    caller = await current_principal(request)
    note_id = int(request.path_params["note_id"])
    async with SessionLocal() as session:
        # ok: VC214 -- the caller bound by the sign-in call scopes the lookup
        note = await session.scalar(select(Note).where(Note.id == note_id, Note.owner_id == caller.id))
        return {"id": note.id}


async def starlette_listed_any_note(request):
    await requires_admin_role(request)
    async with SessionLocal() as session:
        # ok: VC214 -- the call that signs the caller in asks for an admin, who reaches every note by design
        note = await session.get(Note, request.path_params["note_id"])
        return {"id": note.id}


async def starlette_public_note(request):
    note_id = request.path_params["note_id"]
    async with SessionLocal() as session:
        # ok: VC214 -- nobody signs in here: whether that is right is VC201's and VC219's question
        note = await session.get(Note, note_id)
        return {"id": note.id}


@router.get("/coupons/{code}")
def redeem_coupon(code: str, user: User = Depends(get_current_user), db=Depends(get_db)):
    # ok: VC214 -- a code the client presents: whoever knows it may use it, as with an invite link
    coupon = db.query(Coupon).filter_by(code=code).first()
    return {"percent_off": coupon.percent_off}


@router.get("/coupons/by-id/{coupon_id}")
def read_coupon(coupon_id: int, user: User = Depends(get_current_user), db=Depends(get_db)):
    # expect: VC214
    coupon = db.query(Coupon).filter_by(id=coupon_id).first()
    return {"percent_off": coupon.percent_off}


@router.get("/orders/{order_id}")
async def read_order_through_dao(order_id: int, user: CurrentUser):
    # expect: VC214 -- a data-access module's reader named for what it reads
    return await db.get_order(order_id)


@router.get("/my-orders/{order_id}")
async def read_own_order_through_dao(order_id: int, user: CurrentUser):
    # ok: VC214
    return await db.get_user_order(order_id, user.id)


@router.get("/students/{student_id}/submissions")
async def read_student_submissions(student_id: int, session: SessionDep, user: CurrentUser):
    # expect: VC214 -- a repository made on the spot, its reader named for whose rows it reads
    return await SubmissionRepository(session).for_student(student_id)


@router.get("/courses/{course_id}/submissions")
async def read_course_submissions(course_id: int, session: SessionDep, user: CurrentUser):
    # ok: VC214 -- the reader is handed the caller too
    return await SubmissionRepository(session).for_course(course_id, teacher_id=user.id)


@router.put("/submissions/{submission_id}/grade")
async def grade_any_submission(submission_id: int, grade: float, teacher: Teacher, session: SessionDep):
    # expect: VC214 -- a teacher of another course grades it
    submission = await session.get(Submission, submission_id)
    submission.grade = grade
    await session.commit()


@router.put("/courses/{course_id}/title")
async def retitle_own_course(course_id: int, title: str, teacher: Teacher, session: SessionDep):
    # ok: VC214 -- the caller in a role (an alias of the dependencies module) is the course's teacher
    course = await session.get(Course, course_id)
    if course is None or course.teacher_id != teacher.id:
        raise HTTPException(404)
    course.title = title
    await session.commit()


@router.put("/listings/{listing_id}/seller")
async def move_listing(listing_id: int, seller: SellerIn, session: SessionDep, user: CurrentUser):
    # expect: VC214 -- the seller the client sends (a schema) is no caller
    listing = await session.get(Listing, listing_id)
    if listing.seller_id != seller.id:
        listing.seller_id = seller.id
    await session.commit()


@router.put("/accounts/{account_id}/password")
async def change_password(account_id: int, current_password: str, new_password: str, session: SessionDep,
                          user: CurrentUser):
    # expect: VC214 -- `current_password` is a field the client sends, not the caller
    account = await session.get(Account, account_id)
    if not verify(current_password, account.password_hash):
        raise HTTPException(403)
    account.password_hash = hash_password(new_password)
    await session.commit()


@router.put("/listings/{listing_id}/price")
async def reprice_own_listing(listing_id: int, price: int, current_seller: Seller, session: SessionDep):
    # ok: VC214 -- `current_...` holds the caller
    listing = await session.get(Listing, listing_id)
    if listing.seller_id != current_seller.id:
        raise HTTPException(404)
    listing.price = price
    await session.commit()


@router.get("/projects/{project_id}")
def read_project_through_service(project_id: int, session: SessionDep, user: CurrentUser):
    # expect: VC214 -- a service handed only the session and the id cannot know whose project it is
    return services.get_project(session, project_id)


@router.get("/projects/{project_id}/in-tenant")
def read_project_in_tenant(project_id: int, session: SessionDep, user: CurrentUser):
    # ok: VC214 -- the service is handed the caller's tenant
    return services.get_project_in_tenant(session, user.tenant_id, project_id)


@router.patch("/projects/{project_id}/in-tenant")
def rename_project_in_tenant(project_id: int, tenant_id: CheckedTenantId, name: str, session: SessionDep):
    # ok: VC214 -- the tenant id beside the project's scopes the lookup, though the handler changes the project
    project = services.get_project_in_tenant(session, tenant_id, project_id)
    return services.update_project(session, project, {"name": name})


@router.patch("/projects/{project_id}/rename")
def rename_project_through_service(project_id: int, name: str, session: SessionDep, user: CurrentUser):
    # expect: VC214 -- the service writer is handed the project, never the caller
    project = services.get_project(session, project_id)
    return services.update_project(session, project, {"name": name})


@router.get("/tasks/{task_id}")
def read_task_from_store(task_id: int, user: CurrentUser):
    # expect: VC214
    return store.get_task(task_id)


@router.get("/tasks/{task_id}/mine")
def read_own_task_from_store(task_id: int, user: CurrentUser):
    # ok: VC214 -- the store is handed the caller
    return store.get_task_for(task_id, me()["id"])


@router.get("/cache/{entry_id}")
def read_cache_entry(entry_id: int, user: CurrentUser):
    # ok: VC214 -- a store's plain `get` is a key-value read
    return store.get(entry_id)


formatter = LabelFormatter()


@router.get("/labels/{label_id}")
async def read_label_through_helper(label_id: int, user: CurrentUser):
    # ok: VC214 -- a formatter's `get_...` is no data-access object's
    return formatter.get_label(label_id)


def load_invoice(session, invoice_id):
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(404, "Invoice not found")
    return invoice


def load_owned_invoice(session, invoice_id, owner_id):
    invoice = session.get(Invoice, invoice_id)
    if invoice is None or invoice.owner_id != owner_id:
        raise HTTPException(404, "Invoice not found")
    return invoice


def as_object_id(value):
    return ObjectId(value)


@router.get("/invoices/{invoice_id}")
def read_invoice_through_a_reader(invoice_id: int, current: CurrentUser, session=Depends(get_db)):
    # expect: VC214 -- the helper in view reads the row by id and checks nothing
    return load_invoice(session, invoice_id)


@router.get("/invoices/{invoice_id}/owned")
def read_invoice_through_an_owned_reader(invoice_id: int, current: CurrentUser, session=Depends(get_db)):
    # ok: VC214 -- the helper checks the owner it is handed
    return load_owned_invoice(session, invoice_id, current.id)


@router.get("/orders/{order_id}/raw")
async def read_order_by_converted_id(order_id: str, current: CurrentUser):
    # expect: VC214 -- the helper only converts the id
    return await db.orders.find_one({"_id": as_object_id(order_id)})


@router.get("/orders/{order_id}/mine")
async def read_own_order_by_converted_id(order_id: str, current: CurrentUser):
    # ok: VC214
    return await db.orders.find_one({"_id": as_object_id(order_id), "user_id": current.id})


@router.get("/orders/{order_id}/converted")
def read_order_by_int(order_id: str, current: CurrentUser, session=Depends(get_db)):
    # expect: VC214 -- `int()` converts the id, it checks nothing
    return session.get(Order, int(order_id))


import strawberry
from chalice import Chalice, CognitoUserPoolAuthorizer
from pyramid.view import view_config
from strawberry.types import Info

from .permissions import CanEditOrder, IsAuthenticated, IsStaff

chalice_app = Chalice(app_name="docs")
cognito = CognitoUserPoolAuthorizer("Pool", provider_arns=["arn"])


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def cancel_order(self, info: Info, id: strawberry.ID) -> bool:
        with SessionLocal() as session:
            # expect: VC214 -- a resolver's `ID` argument, the caller never compared
            order = session.get(Order, int(id))
            order.status = "cancelled"
        return True

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def cancel_own_order(self, info: Info, id: strawberry.ID) -> bool:
        with SessionLocal() as session:
            # ok: VC214 -- scoped to the caller
            order = session.scalar(select(Order).where(Order.id == int(id), Order.owner_id == info.context["user"].id))
            order.status = "cancelled"
        return True

    @strawberry.mutation(permission_classes=[IsAuthenticated, CanEditOrder])
    def rename_order(self, info: Info, id: strawberry.ID, name: str) -> bool:
        with SessionLocal() as session:
            # ok: VC214 -- a permission class beyond the login is handed the id and may check the order
            session.get(Order, int(id)).name = name
        return True

    @strawberry.mutation(permission_classes=[IsStaff])
    def ship_order(self, info: Info, id: strawberry.ID) -> bool:
        with SessionLocal() as session:
            # ok: VC214 -- staff reach every order
            session.get(Order, int(id)).status = "shipped"
        return True


@view_config(route_name="invoice", renderer="json", permission="view")
def show_invoice(request):
    # expect: VC214 -- the id is a capture of the URL
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    return {"id": invoice.id}


@view_config(route_name="invoice_mine", renderer="json", permission="view")
def show_own_invoice(request):
    # ok: VC214
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    if invoice.owner_id != request.identity.id:
        raise HTTPForbidden()
    return {"id": invoice.id}


@view_config(route_name="accept_invite", renderer="json", permission="view")
def accept_invite(request):
    # ok: VC214 -- the invite is the one the link's secret was made for, whoever follows it
    invite = request.dbsession.query(Invite).filter_by(token=request.matchdict["token"]).one_or_none()
    return {"org_id": invite.org_id}


@view_config(route_name="api_key", renderer="json", permission="view")
def show_api_key(request):
    # expect: VC214 -- an id of a key record, not a secret the link carries
    key = request.dbsession.query(ApiKey).filter_by(id=int(request.matchdict["key_id"])).one_or_none()
    return {"label": key.label}


@chalice_app.route("/docs/{doc_id}", methods=["GET"], authorizer=cognito)
def get_doc(doc_id):
    # expect: VC214 -- a DynamoDB key with no owner
    return table.get_item(Key={"id": doc_id}).get("Item")


@chalice_app.route("/docs/{doc_id}/mine", methods=["GET"], authorizer=cognito)
def get_own_doc(doc_id):
    # ok: VC214 -- the owner is part of the key
    return table.get_item(Key={"owner": chalice_app.current_request.context["authorizer"]["claims"]["sub"],
                               "id": doc_id}).get("Item")


@router.put("/workspaces/{workspace_id}")
async def rename_workspace(workspace_id: str, name: str, user: User = Depends(get_current_user),
                           workspace_service=Depends(get_workspace_service)):
    # expect: VC214 -- the service is handed the workspace, never the caller: anyone signed in renames any workspace
    workspace = await workspace_service.get_workspace(workspace_id)
    if not workspace:
        raise HTTPException(status_code=404)
    return await workspace_service.update_workspace(workspace=workspace, name=name)


@router.delete("/workspaces/{workspace_id}")
async def close_workspace(workspace_id: str, user: User = Depends(get_current_user),
                          workspace_service=Depends(get_workspace_service)):
    workspace = await workspace_service.get_workspace(workspace_id)
    if not workspace:
        raise HTTPException(status_code=404)
    # ok: VC214 -- the service gets the caller and can check their membership
    return await workspace_service.delete_workspace(workspace=workspace, acting_user=user)


@router.patch("/shipments/{shipment_id}")
def relabel_shipment(shipment_id: int, label: str, user: User = Depends(get_current_user), shipment_repo=Depends(get_repo)):
    # expect: VC214 -- a repository named for its entity reads by the client's id
    shipment = shipment_repo.get_shipment(shipment_id)
    shipment.label = label
    shipment_repo.save(shipment)
    return shipment


from flask_socketio import SocketIO, emit, join_room  # noqa: E402

socketio = SocketIO()


@socketio.on("connect")
def on_connect():
    if not current_user.is_authenticated:
        return False


@socketio.on("delete_message")
def on_delete_message(data):
    # expect: VC214 -- any connected user deletes any message by its id
    message = db.session.get(Message, data["id"])
    db.session.delete(message)
    db.session.commit()
    emit("deleted", {"id": data["id"]}, to=str(message.room_id))


@socketio.on("join")
def on_join(data):
    # expect: VC214 -- the caller is only shown in the reply, never compared with the room's members
    room = db.session.get(Room, data["room_id"])
    join_room(str(room.id))
    emit("joined", {"user": current_user.username}, to=str(room.id))


@socketio.on("edit_message")
def on_edit_message(data):
    # ok: VC214 -- the author is compared with the caller
    message = db.session.get(Message, data["id"])
    if message.author_id != current_user.id:
        return
    message.body = data["body"]
    db.session.commit()


@socketio.on("join_member_room")
def on_join_member_room(data):
    # ok: VC214 -- only the rooms the caller is a member of
    room = db.session.get(Room, data["room_id"])
    if current_user not in room.members:
        return
    join_room(str(room.id))


@bp.route("/rooms/<int:room_id>/messages/<int:message_id>/delete", methods=["POST"])
@flask_login_required
@moderator_required
def moderate_delete(room_id, message_id):
    # ok: VC214 -- moderators reach every room's messages by design
    message = Message.query.filter_by(id=message_id, room_id=room_id).first_or_404()
    db.session.delete(message)


def current_tenant(x_tenant_id: int = Header(...), user: User = Depends(get_current_user), db=Depends(get_db)):
    # expect: VC214 -- the tenant comes from a header the client sets, and the caller's membership is never checked
    tenant = db.get(Tenant, x_tenant_id)
    if tenant is None:
        raise HTTPException(status_code=404)
    return tenant


def member_tenant(x_tenant_id: int = Header(...), user: User = Depends(get_current_user), db=Depends(get_db)):
    # ok: VC214 -- the caller must belong to the tenant the header names
    tenant = db.get(Tenant, x_tenant_id)
    if tenant is None or user.tenant_id != tenant.id:
        raise HTTPException(status_code=404)
    return tenant


def own_tenant(user: User = Depends(get_current_user), db=Depends(get_db)):
    # ok: VC214 -- the tenant of the signed-in user: the client names none
    return db.get(Tenant, user.tenant_id)


def locale_of(accept_language: str = Header("en"), db=Depends(get_db)):
    # ok: VC214 -- no caller here: not a dependency that scopes to someone
    return db.get(Locale, accept_language)


@router.get("/v2/projects/{project_id}")
def read_project_in_tenant(project_id: int, tenant_id: int = Depends(checked_tenant_id), db=Depends(get_db)):
    # ok: VC214 -- the service scopes the project to the tenant it is handed
    return services.get_project_in_tenant(db, tenant_id, project_id)


@method_decorator(csrf_exempt, name="dispatch")
class PaymentWebhookView(View):
    def post(self, request, uuid):
        # ok: VC214 -- a webhook receiver: the payment service calls it, the uuid names the endpoint it was given
        endpoint = get_object_or_404(Ticket, uuid=uuid)
        endpoint.deliveries += 1
        endpoint.save()
        return redirect("ok")


class WebhookSettingsView(LoginRequiredMixin, View):
    def post(self, request, pk):
        # expect: VC214 -- a signed-in user's page that manages webhooks: any member can delete anyone's
        hook = get_object_or_404(Ticket, pk=pk)
        hook.delete()
        return redirect("webhooks")


@method_decorator(csrf_exempt, name="dispatch")
class TicketCloseView(LoginRequiredMixin, View):
    def post(self, request, pk):
        # expect: VC214 -- exempt from CSRF, but no webhook: a signed-in user closes any ticket
        ticket = get_object_or_404(Ticket, pk=pk)
        ticket.closed = True
        ticket.save()
        return redirect("tickets")


from .permissions import IsTeamMember  # noqa: E402


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def team_detail(request, team_id):
    # expect: VC214 -- a login is all `IsAuthenticated` asks; the manager's own query method scopes nothing
    team = Team.objects.active().get(pk=team_id)
    return Response({"name": team.name})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def rename_team(request, team_id):
    # expect: VC214
    team = get_object_or_404(Team, pk=team_id)
    team.name = request.data["name"]
    team.save()
    return Response(status=204)


@api_view(["GET"])
@permission_classes([IsAuthenticated, IsTeamMember])
def member_team_detail(request, team_id):
    # ok: VC214 -- a permission class that asks more than a login is handed the view and may check the team
    team = Team.objects.active().get(pk=team_id)
    return Response({"name": team.name})


@api_view(["GET"])
@permission_classes([IsAdminUser])
def staff_team_detail(request, team_id):
    # ok: VC214 -- staff reach every team by design
    team = Team.objects.get(pk=team_id)
    return Response({"name": team.name})


@api_view(["GET"])
@permission_classes([])
def open_team_detail(request, team_id):
    # ok: VC214 -- no permission class at all: the view is open, which VC201 and VC219 judge
    team = Team.objects.get(pk=team_id)
    return Response({"name": team.name})


import logging  # noqa: E402

from .audit import record  # noqa: E402
from .guards import team_admin_required  # noqa: E402
from .models import Membership  # noqa: E402
from .permissions import IsOrgAdmin  # noqa: E402

log = logging.getLogger(__name__)


class OrgMemberViewSet(viewsets.ModelViewSet):
    serializer_class = MembershipSerializer
    permission_classes = [IsAuthenticated, IsOrgAdmin]

    def get_queryset(self):
        return Membership.objects.filter(organization=self.request.org)

    @action(detail=True, methods=["post"])
    def change_role(self, request, pk=None):
        # expect: VC214 -- an admin of one organisation changes a member of any other; the audit entry checks nothing
        membership = Membership.objects.get(pk=pk)
        membership.role = request.data["role"]
        membership.save()
        record(request.org, request.user, "member.role_changed", member=membership.pk)
        return Response({"role": membership.role})

    @action(detail=True, methods=["post"])
    def change_role_in_org(self, request, pk=None):
        # ok: VC214 -- scoped to the admin's organisation
        membership = get_object_or_404(Membership, pk=pk, organization=request.org)
        membership.role = request.data["role"]
        membership.save()
        return Response({"role": membership.role})


class StaffMemberViewSet(viewsets.ModelViewSet):
    serializer_class = MembershipSerializer
    permission_classes = [IsAdminUser]

    @action(detail=True, methods=["post"])
    def change_role(self, request, pk=None):
        # ok: VC214 -- the site's staff reach every membership by design
        membership = Membership.objects.get(pk=pk)
        membership.role = request.data["role"]
        membership.save()
        return Response({"role": membership.role})


@bp.post("/teams/projects/<int:project_id>/archive")
@flask_login_required
@team_admin_required
def archive_team_project(project_id):
    # expect: VC214 -- a team's admin, but the project is read from every team
    project = Todo.query.get_or_404(project_id)
    project.archived = True
    return {"ok": True}


@bp.post("/teams/projects/<int:project_id>/restore")
@flask_login_required
@team_admin_required
def restore_team_project(project_id):
    # ok: VC214
    project = Todo.query.filter_by(id=project_id, team_id=current_user.team_id).first_or_404()
    project.archived = False
    return {"ok": True}


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def read_membership(request, membership_id):
    # expect: VC214 -- logging the caller relates nothing to the membership
    membership = Membership.objects.get(pk=membership_id)
    log.info("%s read membership %s", request.user, membership_id)
    return Response({"role": membership.role})


@bp.post("/pydal/notes/<int:nid>/delete")
@flask_login_required
def delete_pydal_note(nid):
    # expect: VC214 -- pydal's rows picked by a query on the id alone (web2py, Emmett)
    db(db.Note.id == nid).delete()
    return {"ok": True}


@bp.post("/pydal/notes/<int:nid>/rename")
@flask_login_required
def rename_pydal_note(nid):
    # expect: VC214
    db(db.Note.id == nid).update(title=request.form["title"])
    return {"ok": True}


@bp.post("/pydal/notes/<int:nid>/archive")
@flask_login_required
def archive_pydal_note(nid):
    # ok: VC214 -- the query also names the caller
    db((db.Note.id == nid) & (db.Note.user == current_user.id)).update(archived=True)
    return {"ok": True}


@bp.get("/pydal/notes/<int:nid>")
@flask_login_required
def show_pydal_note(nid):
    # ok: VC214 -- an `if` compares the row's owner with the caller
    row = db(db.Note.id == nid).select().first()
    if row is None or row.user != current_user.id:
        abort(404)
    return {"title": row.title}


@router.post("/orders/{order_id}/cancel-run")
async def cancel_order_run(order_id: str, user: CurrentUser, client=Depends(get_db)):
    # expect: VC214 -- a Temporal workflow handle named by the client's order id signals any customer's run
    handle = client.get_workflow_handle(f"fulfil-{order_id}")
    await handle.signal("cancel")
    return {"ok": True}


@router.get("/orders/{order_id}/run-status")
async def order_run_status(order_id: str, user: CurrentUser, client=Depends(get_db)):
    order = await services.get_order(order_id)
    if order is None or order.customer_id != user.id:
        raise HTTPException(status_code=404)
    # ok: VC214 -- the order was checked to be the caller's first
    desc = await client.get_workflow_handle(f"fulfil-{order_id}").describe()
    return {"status": desc.status.name}
