"""VC217 corpus: privileges chosen by the client or granted to the first account, and server-set look-alikes."""
import hmac
import json

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.contrib.auth.models import User as DjangoUser
from django.views import View
from fastapi import APIRouter, Depends
from flask import Flask, request
from flask_jwt_extended import create_access_token
from flask_login import current_user
from pydantic import BaseModel

from .mixins import ProjectAdminMixin
from .models import Membership, User, db

app = Flask(__name__)
router = APIRouter()


class SignupIn(BaseModel):
    email: str
    role: str = "user"


@app.post("/register")
def register():
    data = request.get_json()
    # expect: VC217
    user = User(email=data["email"], role=data.get("role", "user"))
    db.session.add(user)
    return {"id": user.id}, 201


@app.post("/admin/users")
def add_user():
    # expect: VC217
    user = User(email=request.json["email"], is_admin=request.json["is_admin"])
    return {"id": user.id}


@app.put("/users/<int:user_id>/role")
def change_role(user_id):
    user = User.query.get(user_id)
    # expect: VC217
    user.role = request.form["role"]
    db.session.commit()
    return "", 204


@router.post("/courses/{course_id}/enroll")
def enroll(course_id: int, body: EnrollIn, user=Depends(get_current_user)):
    # expect: VC217 -- the client says it paid
    return Enrollment(student_id=user.id, course_id=course_id, paid=body.paid)


@router.post("/courses/{course_id}/enroll/v2")
def enroll_after_payment(course_id: int, body: EnrollIn, user=Depends(get_current_user)):
    intent = stripe.PaymentIntent.retrieve(body.payment_intent)
    # ok: VC217 -- what the payment provider says
    return Enrollment(student_id=user.id, course_id=course_id, paid=intent.status == "succeeded")


@app.post("/profile/email")
def change_email():
    data = request.get_json()
    # expect: VC217
    current_user.email_verified = data.get("email_verified", False)
    # ok: VC217 -- the address itself is the client's to choose
    current_user.email = data["email"]
    return "", 204


@router.post("/signup")
def signup(body: SignupIn):
    # expect: VC217
    return create_user(email=body.email, role=body.role)


def api_signup(request):
    payload = request.data
    # expect: VC217
    return DjangoUser.objects.create_user(payload["username"], is_staff=bool(payload.get("is_staff")))


@app.post("/setup")
def first_signup():
    data = request.get_json()
    # expect: VC217
    is_admin = User.query.count() == 0
    user = User(email=data["email"], is_admin=is_admin)
    return {"id": user.id}


def django_register(request):
    # expect: VC217
    user = DjangoUser(username=request.POST["username"], is_superuser=not DjangoUser.objects.exists())
    user.save()
    return user


@router.post("/teams/{team_id}/members")
def add_member(team_id: int, member: dict):
    # expect: VC217
    return add_to_team(team_id, member["user_id"], roles=member.get("roles", []))


@app.post("/register/safe")
def register_safe():
    data = request.get_json()
    # ok: VC217
    user = User(email=data["email"], role="user")
    return {"id": user.id}, 201


@app.put("/users/<int:user_id>/name")
def rename(user_id):
    user = User.query.get(user_id)
    # ok: VC217
    user.name = request.form["name"]
    return "", 204


def promote(user):
    # ok: VC217 -- a server-side decision
    user.role = "admin"
    user.save()


@router.post("/signup/safe")
def signup_safe(body: SignupIn):
    # ok: VC217
    return create_user(email=body.email, role="user")


def count_admins():
    # ok: VC217 -- not a privilege being set
    total = User.query.count()
    return total


@app.get("/users")
def list_users():
    # ok: VC217 -- filtering by the client's role is a read
    role = request.args.get("role")
    return [u.email for u in User.query.filter_by(name=role)]


def seed_admin(email):
    # ok: VC217 -- out-of-band setup
    return User(email=email, is_admin=True)


@app.post("/invite")
def invite():
    data = request.get_json()
    # ok: VC217 -- a lookup, not an assignment from the client
    role = ROLES[data["kind"]] if data["kind"] in ROLES else "viewer"
    return create_invite(data["email"], role=role)


@app.post("/profile")
def update_profile():
    payload = request.get_json(silent=True) or {}
    # expect: VC217 -- `or {}` keeps the client's body
    current_user.is_admin = payload.get("is_admin", current_user.is_admin)
    # ok: VC217 -- a non-privilege field
    current_user.email = payload.get("email", current_user.email)


def django_update_role(request):
    data = json.loads(request.body)
    # expect: VC217 -- the parsed raw body is client data
    request.user.role = data["role"]


@app.post("/session")
def issue_token():
    body = request.get_json()
    # expect: VC217 -- a claim the client picks is signed into its token
    token = create_access_token(identity=body["email"], additional_claims={"role": body.get("role", "user")})
    # ok: VC217 -- the role comes from the stored account
    refreshed = create_access_token(identity=body["email"], additional_claims={"role": current_user.role})
    return {"token": token, "refreshed": refreshed}


@app.post("/bootstrap")
def bootstrap_admin():
    data = request.get_json()
    is_first = User.query.count() == 0
    # expect: VC217 -- the first-user test, kept in a variable first
    user = User(email=data["email"], is_admin=is_first)
    # ok: VC217
    other = User(email=data["email"], is_admin=False)
    return {"id": user.id, "other": other.id}


@app.post("/register")
def register_with_form():
    # expect: VC217 -- a checkbox of the sign-up form: the client ticks it
    user = User(email=request.form["email"], is_admin=request.form.get("is_admin") == "on")
    # ok: VC217 -- the e-mail is compared with a list the server keeps: the comparison is not a literal choice
    staff = User(email=request.form["email"], is_staff=request.form.get("email") in STAFF_EMAILS)
    return {"id": user.id, "staff": staff.id}


@router.post("/admin/users/{user_id}/update")
def update_user_by_admin(user_id: str, form_data: UserUpdate, admin=Depends(get_admin_user)):
    user = users.get(user_id)
    # ok: VC217 -- only administrators reach the handler: granting a role is what it is for
    user.role = form_data.role
    return user


@router.patch("/orgs/{org_id}/members/{member_id}/role")
def change_member_role(org_id: int, member_id: int, body: UserUpdate, admin=Depends(require_role("admin", "owner"))):
    member = members.get(org_id, member_id)
    # ok: VC217 -- the role factory admits only administrators and owners
    member.role = body.role
    return member


@router.patch("/orgs/{org_id}/members/me", dependencies=[Depends(require_role("member"))])
def change_own_role(org_id: int, body: UserUpdate, me=Depends(get_verified_user)):
    # expect: VC217 -- the factory admits every member
    me.role = body.role
    return me


@router.post("/orgs/{org_id}/invites", dependencies=[Depends(RoleChecker(allowed=["admin"]))])
def invite_member(org_id: int, body: UserUpdate):
    # ok: VC217 -- a role checker listing only administrators guards the route
    return Invite(org_id=org_id, email=body.email, role=body.role)


@router.post("/orgs/{org_id}/join")
def join_org(org_id: int, body: UserUpdate, me=Depends(require_role(DEFAULT_ROLE))):
    # expect: VC217 -- the role the factory admits is not known here
    return Membership(org_id=org_id, user_id=me.id, role=body.role)


@router.post("/profile/update")
def update_own_profile(form_data: UserUpdate, me=Depends(get_verified_user)):
    # expect: VC217 -- any signed-in user sets their own role
    me.role = form_data.role
    return me


import strawberry


@app.post("/signup/<plan>")
def signup_with_role_argument(plan, role="member"):
    # expect: VC217 -- the route's own argument
    user = User(email=request.form["email"], role=role)
    return {"id": user.id}


@strawberry.type
class Mutation:
    @strawberry.mutation
    def sign_up(self, email: str, password: str, role: str = "customer") -> bool:
        # expect: VC217 -- a resolver's argument
        create(User(email=email, role=role))
        return True

    @strawberry.mutation
    def sign_up_plain(self, email: str, password: str) -> bool:
        # ok: VC217
        create(User(email=email, role="customer"))
        return True


@app.post("/users/<int:user_id>/promote")
def promote_with_role_argument(user_id, role="editor"):
    user = User.query.get(user_id)
    # ok: VC217 -- a promotion sets the role on purpose; who may call it is VC218's to judge
    user.role = role
    return {"id": user.id}


class PolicyIn(BaseModel):
    user_id: str
    scopes: list[str] | None = None


@router.post("/agents/{agent_id}/policy")
async def agent_policy(agent_id: str, body: PolicyIn):
    # ok: VC217 -- the scopes pick which memories the policy is compiled from: a read, nothing is granted
    return await memory.get_policy(user_id=body.user_id, scopes=body.scopes)


@app.get("/users")
def users_by_role():
    # ok: VC217 -- a filter on the role of the users listed
    return [u.email for u in DjangoUser.objects.filter(role=request.args.get("role"))]


@app.post("/invite")
def invite():
    data = request.get_json()
    # expect: VC217 -- the call reads and creates: the new account starts with the role the client chose
    user, _ = DjangoUser.objects.get_or_create(email=data["email"], role=data.get("role"))
    return {"id": user.id}


@router.post("/token")
def token_for(body: PolicyIn):
    # expect: VC217 -- a read-named call that mints: the token carries the scopes the client asked for
    return {"access_token": auth.get_access_token(sub=body.user_id, scopes=body.scopes)}


class MemberRoleView(ProjectAdminMixin, View):
    def post(self, request, pk, user_id):
        membership = Membership.objects.get(project_id=pk, user_id=user_id)
        # ok: VC217 -- only the project's admins reach the view: choosing a member's role is what it is for
        membership.role = request.POST["role"]
        membership.save()


class JoinProjectView(LoginRequiredMixin, View):
    def post(self, request, pk):
        # expect: VC217 -- any signed-in user picks the role they join with
        Membership.objects.create(project_id=pk, user=request.user, role=request.POST.get("role", "viewer"))


class PromoteView(PermissionRequiredMixin, View):
    permission_required = "auth.change_user"

    def post(self, request, user_id):
        # ok: VC217 -- a permission restricts the view
        DjangoUser.objects.filter(pk=user_id).update(is_staff=request.POST.get("is_staff") == "on")


ACCOUNTS: dict[str, dict] = {}


@router.post("/signup/memory")
def signup_into_a_dict(body: SignupIn):
    # expect: VC217 -- the stored record takes the role the body names
    ACCOUNTS[body.email] = {"email": body.email, "role": body.role}
    return {"created": body.email}


@app.post("/signup/memory")
def signup_into_a_dict_from_json():
    data = request.get_json()
    # expect: VC217
    ACCOUNTS[data["email"]] = {"email": data["email"], "is_admin": data.get("is_admin", False)}
    return {"created": data["email"]}


@router.post("/signup/memory/fixed")
def signup_into_a_dict_with_a_fixed_role(body: SignupIn):
    # ok: VC217
    ACCOUNTS[body.email] = {"email": body.email, "role": "user"}
    return {"created": body.email}


@router.post("/accounts/search")
def search_by_role(body: SignupIn):
    # ok: VC217 -- a filter of the accounts, not a record of one
    wanted = {"role": body.role}
    return [a for a in ACCOUNTS.values() if a.items() >= wanted.items()]


from pyramid.view import view_config, view_defaults


@view_config(route_name="org_invites", request_method="POST", renderer="json", permission="authenticated")
def pyramid_create_invite(request):
    body = request.json_body
    # expect: VC217 -- any member picks the role the invitee gets
    invite = Invite(org_id=int(request.matchdict["org_id"]), email=body["email"], role=body.get("role", "member"))
    request.dbsession.add(invite)


@view_config(route_name="org_invites_fixed", request_method="POST", renderer="json", permission="authenticated")
def pyramid_create_member_invite(request):
    body = request.json_body
    # ok: VC217 -- the role is fixed by the server
    invite = Invite(org_id=int(request.matchdict["org_id"]), email=body["email"], role="member")
    request.dbsession.add(invite)


@view_config(route_name="members_search", renderer="json", permission="authenticated")
def pyramid_members_by_role(request):
    # ok: VC217 -- a filter on the role, nothing granted
    return request.dbsession.query(Membership).filter_by(role=request.params.get("role", "member")).all()


@view_config(route_name="admin_set_role", request_method="POST", renderer="json", permission="admin")
def pyramid_admin_set_role(request):
    user = request.dbsession.get(User, int(request.matchdict["id"]))
    # ok: VC217 -- the view's permission is the administrators'
    user.role = request.json_body.get("role", "clerk")


@view_defaults(renderer="json", permission="manage_admin")
class PyramidAdminViews:
    def __init__(self, request):
        self.request = request

    @view_config(route_name="admin_promote", request_method="POST")
    def promote(self):
        user = self.request.dbsession.get(User, int(self.request.matchdict["id"]))
        # ok: VC217 -- the class's default permission is the administrators'
        user.role = self.request.json_body.get("role", "clerk")


@router.post("/billing/replay")
async def replay_billing_event(request):
    event = await request.json()
    account = await load_account(int(event["account_id"]))
    # expect: VC217 -- the plan a payment grants, from an unsigned body
    account.plan = event["plan"]


@app.post("/me/tier")
def choose_own_tier():
    data = request.get_json()
    # expect: VC217 -- the caller picks its own tier
    current_user.tier = data.get("tier", "free")


@router.post("/billing/webhook")
async def signed_billing_webhook(request):
    raw = await request.body()
    if not hmac.compare_digest(sign(raw), request.headers.get("X-Signature", "")):
        raise PermissionError("bad signature")
    event = await request.json()
    account = await load_account(int(event["account_id"]))
    # ok: VC217 -- the provider's signed event sets the plan it was paid for
    account.plan = event["plan"]


@router.post("/trips/{trip_id}/plan")
async def plan_a_trip(trip_id: int, request):
    data = await request.json()
    trip = await load_trip(trip_id)
    # ok: VC217 -- a trip's plan, no payer's
    trip.plan = data["plan"]


@app.post("/workouts")
def save_workout():
    data = request.get_json()
    # ok: VC217 -- a workout's plan
    workout = Workout(plan=data["plan"])
    db.session.add(workout)
    return {"id": workout.id}


@router.post("/checkout")
async def start_checkout(request):
    data = await request.json()
    # ok: VC217 -- the plan the caller asks to pay for, handed to the payment provider
    return {"url": await checkout_link(data["plan"], current_user.email)}
