"""VC429 corpus: views that answer with a whole record of a model holding secrets fire; chosen fields do not. Views
that mail a reset token or a code and also answer it fire; a token the caller signs in with does not."""
import dataclasses
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User as DjangoUser
from django.core.mail import send_mail
from django.forms.models import model_to_dict
from django.http import JsonResponse
from fastapi import BackgroundTasks, Depends, FastAPI
from flask import Flask, jsonify, request
from flask_mail import Mail, Message
from flask_sqlalchemy import SQLAlchemy
from pydantic import BaseModel
from rest_framework import serializers
from sqlmodel import Field, Session, SQLModel, select

app = Flask(__name__)
db = SQLAlchemy(app)
api = FastAPI()
mail = Mail(app)


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255))
    password_hash = db.Column(db.String(255))
    api_key = db.Column(db.String(64))

    def to_dict(self):
        return {column.name: getattr(self, column.name) for column in self.__table__.columns}

    def public(self):
        return {"id": self.id, "email": self.email}

    def with_key(self):
        return {"id": self.id, "api_key": self.api_key}


class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200))

    def to_dict(self):
        return {column.name: getattr(self, column.name) for column in self.__table__.columns}


class Member(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str
    hashed_password: str
    totp_secret: str | None = None


class MemberOut(BaseModel):
    id: int
    email: str


def get_session():
    yield Session()


def current_member() -> Member:
    return Member(id=1, email="a@example.com", hashed_password="x")


@app.get("/accounts/<int:account_id>")
def show_account(account_id):
    account = db.get_or_404(Account, account_id)
    # expect: VC429
    return jsonify(account.to_dict())


@app.get("/accounts/<int:account_id>/public")
def show_account_public(account_id):
    account = db.get_or_404(Account, account_id)
    # ok: VC429
    return jsonify(account.public())


@app.get("/accounts/<int:account_id>/key")
def show_account_key(account_id):
    account = Account.query.get(account_id)
    # expect: VC429
    return account.with_key()


@app.get("/accounts")
def list_accounts():
    accounts = Account.query.order_by(Account.id).all()
    # expect: VC429
    return jsonify([a.to_dict() for a in accounts])


@app.get("/accounts/raw/<int:account_id>")
def raw_account(account_id):
    found = Account.query.filter_by(id=account_id).first()
    # expect: VC429
    return jsonify(vars(found))


@app.get("/accounts/dict/<int:account_id>")
def dict_account(account_id):
    found = Account.query.filter_by(id=account_id).first_or_404()
    # expect: VC429
    return {**found.__dict__, "ok": True}


@app.get("/articles")
def list_articles():
    # ok: VC429
    return jsonify([a.to_dict() for a in Article.query.all()])


@app.get("/accounts/count")
def count_accounts():
    # ok: VC429
    return jsonify(Account.query.count())


@api.get("/members/me")
def me(member: Member = Depends(current_member)):
    # expect: VC429
    return member


@api.get("/members/me/filtered", response_model=MemberOut)
def me_filtered(member: Member = Depends(current_member)):
    # ok: VC429
    return member


@api.get("/members/me/annotated")
def me_annotated(member: Member = Depends(current_member)) -> MemberOut:
    # ok: VC429
    return member


@api.get("/members/{member_id}")
def read_member(member_id: int, session: Session = Depends(get_session)):
    member = session.exec(select(Member).where(Member.id == member_id)).first()
    # expect: VC429
    return member.model_dump()


@api.get("/members/{member_id}/safe")
def read_member_safe(member_id: int, session: Session = Depends(get_session)):
    member = session.exec(select(Member).where(Member.id == member_id)).first()
    # ok: VC429
    return member.model_dump(include={"id", "email"})


@api.get("/members/{member_id}/dataclass")
def read_member_as_dict(member_id: int, session: Session = Depends(get_session)):
    member = session.get(Member, member_id)
    # expect: VC429
    return dataclasses.asdict(member)


def profile(request):
    # expect: VC429
    return JsonResponse(model_to_dict(request.user))


def colleague(request, pk):
    other = DjangoUser.objects.get(pk=pk)
    # expect: VC429
    return JsonResponse(model_to_dict(other))


def profile_fields(request):
    # ok: VC429
    return JsonResponse(model_to_dict(DjangoUser.objects.get(pk=request.user.pk), fields=["id", "username"]))


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = DjangoUser
        # expect: VC429
        fields = "__all__"


class UserPublicSerializer(serializers.ModelSerializer):
    class Meta:
        model = DjangoUser
        # ok: VC429
        fields = ["id", "username"]


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        # ok: VC429
        fields = "__all__"


def audit_copy(account):
    # ok: VC429
    return account.to_dict()


PEOPLE = {1: {"id": 1, "email": "ana@example.com", "password_hash": "$2b$12$abc"}}
PLANS = {"free": {"name": "Free", "seats": 1}}


def person_from_token(token: str = "") -> dict:
    return PEOPLE[int(token)]


def plan_from_query(plan: str = "free") -> dict:
    return PLANS[plan]


@api.get("/people/me")
def person_me(person: dict = Depends(person_from_token)):
    # expect: VC429
    return person


@api.get("/people/me/short")
def person_me_short(person: dict = Depends(person_from_token)):
    # ok: VC429
    return {"id": person["id"], "email": person["email"]}


@api.get("/people")
def people():
    # expect: VC429
    return list(PEOPLE.values())


@app.get("/people/<int:person_id>")
def person(person_id):
    # expect: VC429
    return jsonify(PEOPLE[person_id])


@api.get("/plan")
def plan(chosen: dict = Depends(plan_from_query)):
    # ok: VC429
    return chosen


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class SignUp(BaseModel):
    email: str
    password: str


@api.post("/token")
def login() -> dict:
    token = Token(access_token="signed.jwt.value")
    # ok: VC429
    return token.model_dump()


@api.post("/token/object")
def login_object():
    # ok: VC429
    return Token(access_token="signed.jwt.value")


@api.post("/echo")
def echo(form: SignUp):
    # ok: VC429
    return form


AuthUser = get_user_model()


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuthUser
        # expect: VC429
        fields = "__all__"


SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT UNIQUE NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at TIMESTAMP DEFAULT (datetime('now')),
    UNIQUE (username)
);
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)
"""


def connect():
    import sqlite3

    return sqlite3.connect("app.db")


@app.get("/sql/users/<int:user_id>")
def sql_user(user_id):
    conn = connect()
    row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    # expect: VC429
    return jsonify(dict(row))


@app.get("/sql/users")
def sql_users():
    cursor = connect().cursor()
    cursor.execute("SELECT id, username, password_hash FROM users")
    rows = cursor.fetchall()
    # expect: VC429
    return jsonify([dict(r) for r in rows])


@app.get("/sql/users/public")
def sql_users_public():
    cursor = connect().cursor()
    cursor.execute("SELECT id, username FROM users")
    rows = cursor.fetchall()
    # ok: VC429
    return jsonify([dict(r) for r in rows])


@app.get("/sql/notes")
def sql_notes():
    rows = connect().execute("SELECT * FROM notes").fetchall()
    # ok: VC429
    return jsonify([dict(r) for r in rows])


# secrets mailed to the owner of an address and answered to whoever asked
def forgot_password(request):
    user = DjangoUser.objects.filter(email=request.POST["email"]).first()
    token = secrets.token_urlsafe(32)
    link = f"https://accounts.example.com/reset?token={token}"
    send_mail("Reset your password", f"Open {link}", None, [user.email])
    # expect: VC429
    return JsonResponse({"status": "sent", "token": token})


def forgot_password_payload(request):
    reset_token = secrets.token_urlsafe(32)
    send_mail("Reset your password", f"Your code: {reset_token}", None, [request.POST["email"]])
    payload = {"status": "sent", "debug_token": reset_token}
    # expect: VC429
    return JsonResponse(payload)


@app.post("/password/forgot")
def flask_forgot():
    token = secrets.token_urlsafe(32)
    reset_link = f"https://accounts.example.com/reset/{token}"
    mail.send(Message("Reset your password", recipients=[request.form["email"]], body=f"Open {reset_link}"))
    # expect: VC429
    return jsonify(message="sent", reset_link=reset_link)


@app.post("/verify/send")
def flask_send_code():
    code = str(secrets.randbelow(1_000_000)).zfill(6)
    send_sms(request.form["phone"], f"Your verification code is {code}")
    # expect: VC429
    return {"sent": True, "code": code}, 202


@api.post("/invitations")
def invite(email: str, tasks: BackgroundTasks):
    invite_token = secrets.token_urlsafe(16)
    tasks.add_task(send_invitation_email, email, invite_token)
    # expect: VC429
    return {"invited": email, "token": invite_token}


# quiet: the token is only mailed, or the answer is the caller's own session
@app.post("/password/forgot/v2")
def flask_forgot_quiet():
    token = secrets.token_urlsafe(32)
    mail.send(Message("Reset your password", recipients=[request.form["email"]], body=f"/reset/{token}"))
    # ok: VC429
    return jsonify(message="if the address is registered, a link is on its way", sent_to=request.form["email"])


@app.post("/login")
def flask_login():
    access_token = secrets.token_urlsafe(32)
    mail.send(Message("New sign-in", recipients=[request.form["email"]], body="Someone signed in to your account."))
    # ok: VC429
    return jsonify(access_token=access_token, token_type="bearer")


@api.post("/signup")
def sign_up(email: str, tasks: BackgroundTasks):
    verify_token = secrets.token_urlsafe(16)
    tasks.add_task(send_verification_email, email, verify_token)
    session_token = secrets.token_urlsafe(32)
    # ok: VC429
    return {"access_token": session_token, "verification": "sent"}


@app.post("/password/reset")
def flask_reset():
    token = request.form["token"]
    user = find_user_by_token(token)
    status_code = 200
    mail.send(Message("Your password was changed", recipients=[user.email], body=f"Status {status_code}"))
    # ok: VC429
    return jsonify(user_id=user.id, status_code=status_code)


def mail_and_count(request):
    country_code = request.POST["country"]
    send_mail("Welcome", f"Region {country_code}", None, [request.POST["email"]])
    # ok: VC429
    return JsonResponse({"region": country_code})


@app.get("/accounts/<int:account_id>/card")
def account_card(account_id):
    account = db.get_or_404(Account, account_id)
    # expect: VC429 -- the password column picked by name
    return jsonify({"email": account.email, "password_hash": account.password_hash})


@app.get("/accounts/<int:account_id>/key-card")
def account_key_card(account_id):
    account = db.get_or_404(Account, account_id)
    # ok: VC429 -- a key answered by name may be on purpose (shown once, to its owner); a password hash never is
    return {"email": account.email, "api_key": account.api_key, "has_password": bool(account.password_hash)}


def my_credentials(request):
    user = request.user
    # expect: VC429 -- Django's signed-in user: its `password` is the stored hash
    return JsonResponse({"username": user.username, "password": user.password})


def change_password_form(request, form: SignUp):
    # ok: VC429 -- a value the client sent, not a stored record's column
    return {"username": form.email, "password": form.password}
