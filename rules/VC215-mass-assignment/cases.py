"""VC215 corpus: client data copied onto models wholesale, and the explicit spellings that are safe."""
import azure.functions as func
from azure.cosmos import CosmosClient
from django import forms
from django.db import models
from django.contrib import admin
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.views.generic import CreateView, DetailView, UpdateView
from django.views.generic.edit import UpdateView as EditView
from fastapi import APIRouter, Depends, Request
from flask import Flask, request
from pydantic import BaseModel
from rest_framework import serializers

from .models import Account, Note, Order, Profile, User, db

app = Flask(__name__)
router = APIRouter()


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # expect: VC215
        fields = "__all__"


class AccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        # expect: VC215
        fields = ["id", "email", "is_staff"]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        # expect: VC215
        fields = "__all__"


class SignupIn(BaseModel):
    email: str
    password: str
    is_admin: bool = False


@app.post("/users")
def create_user():
    # expect: VC215
    user = User(**request.get_json())
    db.session.add(user)
    return {"id": user.id}, 201


@app.put("/orders/<int:order_id>")
def update_order(order_id):
    data = request.json
    # expect: VC215
    Order.query.filter_by(id=order_id).update(**data)
    return "", 204


def api_create_note(request):
    # expect: VC215
    note = Note.objects.create(**request.data)
    return note


@router.post("/signup")
def signup(body: SignupIn):
    # expect: VC215
    user = User(**body.dict())
    return user


@router.patch("/profile/{profile_id}")
def patch_profile(profile_id: int, changes: dict):
    profile = Profile.get(profile_id)
    for key, value in changes.items():
        # expect: VC215
        setattr(profile, key, value)
    return profile


@app.post("/accounts")
async def create_account():
    payload = await request.get_json()
    # expect: VC215
    return Account.objects.create(owner=request.user, **payload)


class PublicOrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # ok: VC215
        fields = ["id", "item", "quantity"]


class StaffSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        # ok: VC215
        fields = ["id", "email", "is_staff"]
        read_only_fields = ["is_staff"]


class ReadOnlySerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # ok: VC215
        fields = "__all__"
        read_only_fields = "__all__"


class OwnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        # ok: VC215
        fields = ["id", "text", "owner"]
        extra_kwargs = {"owner": {"read_only": True}}


class ShownAuthorSerializer(serializers.ModelSerializer):
    author = serializers.ReadOnlyField(source="author.username")
    owner = serializers.HiddenField(default=serializers.CurrentUserDefault())

    class Meta:
        model = Note
        # ok: VC215
        fields = ["id", "text", "author", "owner"]


class DeclaredReadOnlySerializer(serializers.ModelSerializer):
    user = serializers.PrimaryKeyRelatedField(read_only=True)
    paid = serializers.SerializerMethodField()

    class Meta:
        model = Order
        # ok: VC215
        fields = ["id", "item", "user", "paid"]


class WritableOwnerSerializer(serializers.ModelSerializer):
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())

    class Meta:
        model = Note
        # expect: VC215
        fields = ["id", "text", "owner"]


class ReadOnlyFalseSerializer(serializers.ModelSerializer):
    author = serializers.ReadOnlyField(source="author.username")
    owner = serializers.PrimaryKeyRelatedField(read_only=False, queryset=User.objects.all())

    class Meta:
        model = Note
        # expect: VC215
        fields = ["id", "author", "owner"]


class DisabledOwnerForm(forms.ModelForm):
    owner = forms.ModelChoiceField(queryset=User.objects.all(), disabled=True)

    class Meta:
        model = Note
        # ok: VC215
        fields = ["text", "owner"]


class ItemIn(BaseModel):
    name: str
    quantity: int


@router.post("/items")
def create_item(item: ItemIn):
    # ok: VC215 -- the schema lists only what clients may set
    return Order(**item.dict())


@app.put("/users/<int:user_id>/bulk")
def update_user_fields(user_id):
    changes = request.get_json(silent=True) or {}
    # expect: VC215 -- the body, or nothing when none was sent
    User.update(**changes).where(User.id == user_id).execute()
    return {"status": "updated"}


@app.put("/users/<int:user_id>/name")
def update_user_name(user_id):
    changes = request.get_json(silent=True) or {}
    # ok: VC215 -- one field picked from it
    User.update(name=changes.get("name")).where(User.id == user_id).execute()
    return {"status": "updated"}


@app.post("/users/explicit")
def create_user_explicitly():
    data = request.get_json()
    # ok: VC215
    user = User(name=data["name"], email=data["email"])
    return {"id": user.id}, 201


@app.post("/render")
def render_page():
    context = dict(request.json)
    # ok: VC215 -- not a model
    return render_template("page.html", **context)


@router.patch("/settings/{settings_id}")
def patch_settings(settings_id: int, changes: dict):
    allowed = {"theme", "language"}
    settings = Settings.get(settings_id)
    for key, value in changes.items():
        if key in allowed:
            # ok: VC215 -- the key is checked against an allow-list
            setattr(settings, key, value)
    return {}


def build_defaults(options):
    # ok: VC215 -- not client data
    return Profile(**options)


class NoteCreateView(LoginRequiredMixin, CreateView):
    model = Note
    # expect: VC215 -- the form the view builds lets the client pick the author
    fields = ["title", "body", "author"]


class OrderEditView(LoginRequiredMixin, EditView):
    model = Order
    # expect: VC215
    fields = "__all__"


class NoteUpdateView(LoginRequiredMixin, UpdateView):
    model = Note
    # ok: VC215
    fields = ["title", "body"]


class AccountAdminView(PermissionRequiredMixin, UpdateView):
    model = Account
    permission_required = "accounts.change_account"
    # ok: VC215 -- only holders of the permission reach this form
    fields = ["email", "is_staff", "role"]


class OrderDetailView(LoginRequiredMixin, DetailView):
    model = Order
    # ok: VC215 -- a detail view writes nothing
    fields = "__all__"


class ProjectPatch(BaseModel):
    name: str | None = None
    description: str | None = None


@router.put("/projects/{project_id}/settings")
async def replace_project_settings(project_id: int, request: Request):
    project = load_project(project_id)
    payload = await request.json()
    # expect: VC215 -- SQLModel copies every key the client sent, `org_id` too
    project.sqlmodel_update(payload)


@router.patch("/projects/{project_id}")
def patch_project(project_id: int, body: ProjectPatch):
    project = load_project(project_id)
    # ok: VC215 -- the schema lists only the fields clients may set
    project.sqlmodel_update(body.model_dump(exclude_unset=True))


@router.put("/tasks/{task_id}")
async def replace_task(task_id: int, request: Request):
    task = await load_task(task_id)
    # expect: VC215 -- Tortoise's `update_from_dict` does the same
    task.update_from_dict(await request.json())


class TokenCreateForm(forms.ModelForm):
    class Meta:
        model = Account
        # ok: VC215 -- the form of an admin class: only staff use it, and they set the owner by design
        fields = ["user", "expiry"]


class TokenAdmin(admin.ModelAdmin):
    add_form = TokenCreateForm


class AccountAdminChangeForm(forms.ModelForm):
    class Meta:
        model = Account
        # expect: VC215 -- named for the admin, but no admin.py beside it names it (tests/integration/test_admin_module_forms_cli.py)
        fields = "__all__"


class AdministrativeAreaForm(forms.ModelForm):
    class Meta:
        model = Account
        # expect: VC215 -- "administrative" names no admin
        fields = "__all__"


class TokenClaimForm(forms.ModelForm):
    class Meta:
        model = Account
        # expect: VC215 -- the same form outside the admin: whoever posts it picks the owner
        fields = ["user", "expiry"]


class NoteEditForm(forms.ModelForm):
    class Meta:
        model = Note
        # expect: VC215 -- `exclude` hides one field; every other one, and each added later, is the client's
        exclude = ["created_at"]


class OrderEditSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # expect: VC215 -- the same for a serializer
        exclude = ("internal_notes",)


class OrderReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # ok: VC215 -- every field is read-only: the client writes nothing
        exclude = ("internal_notes",)
        read_only_fields = "__all__"


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=120)


class Loan(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE)


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        # ok: VC215 -- the book's `author` is a name typed as text, not an account
        fields = ["title", "author"]


class LoanForm(forms.ModelForm):
    class Meta:
        model = Loan
        # expect: VC215 -- here `user` is a relation: whoever posts the form lends the book to anyone
        fields = ["book", "user"]


class QuoteForm(forms.ModelForm):
    author = forms.CharField(max_length=120)

    class Meta:
        model = Note
        # ok: VC215 -- the form itself declares `author` as text
        fields = ["body", "author"]


class PetForm(forms.ModelForm):
    class Meta:
        model = Profile
        # ok: VC215 -- a text widget: the owner's name as typed
        fields = ["name", "owner"]
        widgets = {"owner": forms.TextInput(attrs={"placeholder": "Owner's name"})}


class StaffNoteForm(forms.ModelForm):
    author = forms.CharField(max_length=120)

    class Meta:
        model = Note
        # expect: VC215 -- text or not, `is_staff` is a privilege
        fields = ["body", "author", "is_staff"]


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        # ok: VC215 -- a group's permissions are what the form edits
        fields = ("name", "permissions")


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        # expect: VC215 -- a member's groups are privileges the member must not pick
        fields = ("name", "groups")


import strawberry
from chalice import Chalice
from pyramid.view import view_config
from strawberry.scalars import JSON

chalice_app = Chalice(app_name="docs")


@view_config(route_name="invoice", request_method="PUT", renderer="json", permission="edit")
def update_invoice(request):
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    for key, value in request.json_body.items():
        # expect: VC215
        setattr(invoice, key, value)
    return {"id": invoice.id}


@view_config(route_name="invoice_note", request_method="PUT", renderer="json", permission="edit")
def update_invoice_note(request):
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    for key, value in request.json_body.items():
        if key in {"notes", "customer"}:
            # ok: VC215 -- keys checked against an allow-list
            setattr(invoice, key, value)
    return {"id": invoice.id}


@strawberry.type
class Mutation:
    @strawberry.mutation
    def update_profile(self, info, changes: JSON) -> bool:
        user = load_user(info.context["user"])
        for key, value in changes.items():
            # expect: VC215 -- a resolver's `JSON` argument
            setattr(user, key, value)
        return True


@chalice_app.route("/docs", methods=["POST"])
def create_doc():
    body = chalice_app.current_request.json_body
    # expect: VC215
    table.put_item(Item=body)
    return body


@chalice_app.route("/docs/picked", methods=["POST"])
def create_doc_picked():
    body = chalice_app.current_request.json_body
    # ok: VC215 -- fields picked one by one
    table.put_item(Item={"id": body["id"], "title": body["title"]})
    return body


orders = CosmosClient("https://acme.documents.azure.com", credential=None).get_database_client("shop").get_container_client("orders")


def create_order(req: func.HttpRequest) -> func.HttpResponse:
    body = req.get_json()
    # expect: VC215 -- Cosmos DB stores the client's JSON whole
    orders.upsert_item(body)
    return func.HttpResponse(status_code=201)


def replace_order(req: func.HttpRequest) -> func.HttpResponse:
    # expect: VC215
    orders.replace_item(req.route_params["order_id"], body=req.get_json())
    return func.HttpResponse(status_code=200)


def create_order_picked(req: func.HttpRequest) -> func.HttpResponse:
    body = req.get_json()
    # ok: VC215 -- fields picked one by one
    orders.create_item({"id": body["id"], "product": body["product"], "status": "new"})
    return func.HttpResponse(status_code=201)


@strawberry.input
class ProfileInput:
    display_name: str | None = None
    role: str | None = None


@strawberry.input
class RenameInput:
    display_name: str | None = None


@strawberry.type
class ProfileMutation:
    @strawberry.mutation
    def update_profile(self, info, data: ProfileInput) -> bool:
        user = info.context.user
        for field, value in vars(data).items():
            if value is not None:
                # expect: VC215 -- every field of the input, `role` included
                setattr(user, field, value)
        return True

    @strawberry.mutation
    def update_profile_dict(self, info, data: ProfileInput) -> bool:
        user = info.context.user
        for field, value in data.__dict__.items():
            # expect: VC215
            setattr(user, field, value)
        return True

    @strawberry.mutation
    def rename(self, info, data: RenameInput) -> bool:
        user = info.context.user
        for field, value in vars(data).items():
            # ok: VC215 -- the input holds only a display name
            setattr(user, field, value)
        return True

    @strawberry.mutation
    def update_profile_allowed(self, info, data: ProfileInput) -> bool:
        user = info.context.user
        for field, value in strawberry.asdict(data).items():
            if field in ("display_name",):
                # ok: VC215 -- an allow-list of fields
                setattr(user, field, value)
        return True


def copy_fields(record, changes):
    for key, value in changes.items():
        setattr(record, key, value)


def copy_allowed_fields(record, changes):
    for key, value in changes.items():
        if key in {"title", "notes"}:
            setattr(record, key, value)


@app.route("/notes/<int:note_id>", methods=["PATCH"])
def patch_note(note_id):
    note = Note.query.get_or_404(note_id)
    # expect: VC215 -- the helper above copies every key of the body
    copy_fields(note, request.get_json())
    # ok: VC215 -- this helper keeps to an allow-list
    copy_allowed_fields(note, request.get_json())
    # ok: VC215 -- the server's own values
    copy_fields(note, {"edited": True})
    return {"id": note.id}


from ninja import NinjaAPI, Schema

ninja_api = NinjaAPI()


class WalletUpdate(Schema):
    nickname: str | None = None
    credit_cents: int | None = None


class CheckoutIn(Schema):
    nickname: str | None = None
    credit_card_number: str | None = None


@ninja_api.patch("/wallets/{wallet_id}")
def update_wallet(request, wallet_id: int, payload: WalletUpdate):
    wallet = Wallet.objects.get(id=wallet_id, owner=request.user)
    for field, value in payload.dict(exclude_unset=True).items():
        # expect: VC215 -- a stored credit under a longer name
        setattr(wallet, field, value)
    wallet.save()
    return {"id": wallet.id}


@ninja_api.post("/wallets/{wallet_id}/checkout")
def checkout_wallet(request, wallet_id: int, payload: CheckoutIn):
    wallet = Wallet.objects.get(id=wallet_id, owner=request.user)
    for field, value in payload.dict(exclude_unset=True).items():
        # ok: VC215 -- a card number is what a client sends to pay, not a credit it holds
        setattr(wallet, field, value)
    return {"id": wallet.id}
