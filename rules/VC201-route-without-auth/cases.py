"""VC201 corpus (Flask): unguarded state-changing or admin routes fire; guarded or public ones do not."""
import hashlib
import hmac
import json

import stripe
from flask import Blueprint, Flask, abort, g, jsonify, redirect, request, session, url_for
from flask.views import MethodView
from flask_jwt_extended import jwt_required, verify_jwt_in_request
from flask_login import current_user
from flask_login import login_required as needs_login
from flask_security import roles_required

from . import billing, ledger_checks
from . import actions
from .services import api_service
from .auth import NotAuthorized, admin_required, check_access, public, verify_github_signature
from .config import GITHUB_SECRET, PARTNER_SECRET, STRIPE_SECRET
from .models import Order, Repository, Review, Shop, db

app = Flask(__name__)
bp = Blueprint("posts", __name__, url_prefix="/posts")
admin = Blueprint("admin", __name__, url_prefix="/admin")
api = Blueprint("api", __name__)


# expect: VC201
@app.route("/posts", methods=["POST"])
def create_post():
    return db.create(request.json), 201


# expect: VC201
@bp.route("/<int:post_id>/edit", methods=("GET", "POST"))
def edit_post(post_id):
    db.update(post_id, request.form)
    return redirect(url_for("posts.index"))


# expect: VC201
@bp.delete("/<int:post_id>")
def delete_post(post_id):
    db.delete(post_id)
    return "", 204


# expect: VC201
@app.get("/admin/stats")
def admin_stats():
    return jsonify(db.stats())


# expect: VC201
@app.route("/users/<int:user_id>")
def show_user(user_id):
    return jsonify(db.user(user_id))


# expect: VC201
@needs_login
@app.route("/settings", methods=["PUT"])
def update_settings():
    db.save_settings(request.json)
    return "", 204


class CommentAPI(MethodView):
    def get(self, comment_id):
        return jsonify(db.comment(comment_id))

    # expect: VC201
    def delete(self, comment_id):
        db.delete_comment(comment_id)
        return "", 204


def upload():
    db.store(request.files["file"])
    return "", 201


# expect: VC201
app.add_url_rule("/upload", view_func=upload, methods=["POST"])


# expect: VC201
@api.patch("/items/<int:item_id>")
def patch_item(item_id):
    db.patch(item_id, request.json)
    return "", 204


# ok: VC201
@bp.route("/<int:post_id>/publish", methods=["POST"])
@needs_login
def publish_post(post_id):
    db.publish(post_id, current_user.id)
    return "", 204


# ok: VC201
@app.route("/posts/<int:post_id>", methods=["DELETE"])
@roles_required("editor")
def remove_post(post_id):
    db.delete(post_id)
    return "", 204


# ok: VC201
@api.post("/tokens/rotate")
@jwt_required()
def rotate_token():
    return jsonify(db.rotate())


@admin.before_request
def require_admin():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)


# ok: VC201
@admin.post("/users/<int:user_id>/ban")
def ban_user(user_id):
    db.ban(user_id)
    return "", 204


# ok: VC201
@app.route("/items", methods=["POST"])
def create_item():
    if "user_id" not in session:
        return redirect(url_for("auth.login"))
    return db.create(request.json), 201


# ok: VC201
@app.post("/items/<int:item_id>/archive")
def archive_item(item_id):
    if g.user is None:
        abort(401)
    db.archive(item_id)
    return "", 204


# ok: VC201
@app.route("/login", methods=["GET", "POST"])
def login():
    return authenticate_form(request.form)


# expect: VC201 -- a contact the app stores is an object, not the open contact form its name sounds like
@app.delete("/api/contacts/<int:contact_id>")
def delete_contact(contact_id):
    db.delete_contact(contact_id)
    return "", 204


# expect: VC201 -- `/status` after an order's id changes that order
@app.route("/orders/<int:order_id>/status", methods=["PUT"])
def order_status(order_id):
    return db.set_status(order_id, request.json["status"])


# expect: VC201 -- a user's id before `activate`: an admin action on that account, not the link in a sign-up mail
@app.post("/users/<uuid:user_id>/activate")
def activate_user(user_id):
    return db.activate(user_id)


# ok: VC201 -- the link a sign-up mail carries: its token is the credential
@app.post("/activate/<token>")
def activate_account(token):
    return db.activate_by_token(token)


# ok: VC201 -- the invitation link a visitor redeems before signing up: its key is the credential
@app.post("/accept-invite/<key>")
def accept_invite(key):
    return db.accept_invitation(key)


# expect: VC201 -- a team's id before `accept-invite`: an action on that team, not the link in an invitation mail
@app.post("/teams/<int:team_id>/accept-invite")
def accept_team_invite(team_id):
    return db.join_team(team_id)


# ok: VC201 -- the security manager answers for the signed-in caller (Flask-AppBuilder's `sm.has_access`)
@app.post("/records/action")
def run_record_action():
    if not app.appbuilder.sm.has_access("can_run", "Records"):
        return redirect("/")
    return db.run_action(request.form["action"])


# expect: VC201 -- a question about a record, not about the caller
@app.post("/records/archive")
def archive_record():
    if not db.has_record(request.form["id"]):
        return redirect("/")
    return db.archive(request.form["id"])


# ok: VC201 -- the identity provider's signed answer to a single sign-on: a step of signing in
@app.post("/saml/acs/")
def saml_assertion_consumer():
    return db.sign_in_from_assertion(request.form["SAMLResponse"])


# expect: VC201 -- an account's id before `saml`: an action on that account's settings
@app.post("/accounts/<int:account_id>/saml")
def set_account_saml(account_id):
    return db.save_saml_settings(account_id, request.form)


# ok: VC201 -- the language comes before the login segment
@app.route("/<lang>/login", methods=["POST"])
def localized_login(lang):
    return authenticate_form(request.form)


# ok: VC201
@app.post("/api/contact")
def send_contact_message():
    return db.queue_message(request.form)


# ok: VC201 -- the raw body goes to a function that may check its signature
@app.post("/api/webhooks/stripe")
def stripe_hook():
    return handle_event(request.data)


# expect: VC201 -- a webhook is open to its sender, who must be told apart from a forger by the signature
@app.post("/api/webhooks/payments")
def payments_hook():
    event = json.loads(request.data)
    if event["type"] == "checkout.session.completed":
        Order.query.get(event["data"]["object"]["metadata"]["order_id"]).mark_paid()
    return "", 200


# ok: VC201
@app.post("/api/webhooks/payments-verified")
def payments_hook_verified():
    try:
        event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], STRIPE_SECRET)
    except stripe.error.SignatureVerificationError:
        abort(400)
    Order.query.get(event["data"]["object"]["metadata"]["order_id"]).mark_paid()
    return "", 200


# ok: VC201
@app.post("/github/webhook")
def github_hook():
    expected = "sha256=" + hmac.new(GITHUB_SECRET, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature-256", "")):
        abort(403)
    return sync_repository(request.get_json())


# ok: VC201 -- a project check named for the signature
@app.post("/hooks/github")
def github_hook_checked():
    verify_github_signature(request)
    return sync_repository(request.get_json())


# expect: VC201
@app.post("/github/webhook-unchecked")
def github_hook_unchecked():
    payload = request.get_json()
    Repository.query.filter_by(name=payload["repository"]["full_name"]).delete()
    return "", 204


# ok: VC201
@app.post("/newsletter")
@public
def join_newsletter():
    return db.subscribe(request.form["email"])


# ok: VC201
@app.route("/admin/purge", methods=["POST"])
@admin_required
def purge():
    db.purge()
    return "", 204


# ok: VC201
@app.route("/posts")
def list_posts():
    return jsonify(db.posts())


class ProfileAPI(MethodView):
    decorators = [needs_login]

    # ok: VC201
    def put(self, user_id):
        db.update_profile(user_id, request.json)
        return "", 204


app.add_url_rule("/profile/<int:user_id>", view_func=ProfileAPI.as_view("profile"))
# ok: VC201
app.add_url_rule("/health", view_func=lambda: "ok", methods=["POST"])


from flask_restful import Api, Resource
from flask_smorest import Blueprint as SmorestBlueprint

rest = Api(app)
reports = Blueprint("reports", __name__, url_prefix="/admin/reports")
pets = SmorestBlueprint("pets", __name__)


class OrderResource(Resource):
    def get(self, order_id):
        return db.order(order_id)

    # expect: VC201
    def delete(self, order_id):
        db.cancel(order_id)


class InvoiceResource(Resource):
    method_decorators = [needs_login]

    # ok: VC201
    def post(self):
        return db.invoice(request.json)


rest.add_resource(OrderResource, "/orders/<int:order_id>")
rest.add_resource(InvoiceResource, "/invoices")


# expect: VC201
@reports.get("/daily")
def daily_report():
    return jsonify(db.daily())


@pets.route("/pets")
class Pets(MethodView):
    # expect: VC201
    def post(self):
        return db.add_pet(request.json)


@pets.route("/health")
class PetsHealth(MethodView):
    # ok: VC201
    def post(self):
        return "ok"


# ok: VC201
@app.route("/notes/<int:note_id>", methods=["POST"])
def save_note(note_id):
    if not session.get("logged_in"):
        return redirect(url_for("index"))
    return db.save_note(note_id, request.form)


# ok: VC201
@app.route("/notes/<int:note_id>/delete", methods=["POST"])
def remove_note(note_id):
    if "user_id" not in session:
        return jsonify({"error": "sign in first"}), 400
    return db.delete_note(note_id)


# expect: VC201
@app.route("/cart/items", methods=["POST"])
def add_to_cart():
    session["cart"] = [*session.get("cart", []), request.form["sku"]]
    return jsonify(session["cart"])


notes = Blueprint("notes", __name__, url_prefix="/notebook")
drafts = Blueprint("drafts", __name__, url_prefix="/drafts")


@notes.before_request
@needs_login
def before_request():
    """Every notebook endpoint needs a signed-in user."""


# ok: VC201
@notes.post("/pages")
def add_page():
    return db.add_page(request.json)


@drafts.before_request
def remember_visit():
    g.visits = g.get("visits", 0) + 1


# expect: VC201
@drafts.post("/")
def add_draft():
    return db.add_draft(request.json)


profiles = Blueprint("profiles", __name__, url_prefix="/profiles")
keys = Blueprint("keys", __name__, url_prefix="/keys")


@profiles.before_request
def load_profile_user():
    g.user = None
    if "user_id" in session:
        g.user = db.load_user(session["user_id"])


# expect: VC201 -- the hook reads the session but never turns a request away
@profiles.post("/bio")
def set_bio():
    return db.set_bio(g.user, request.form["bio"])


@keys.before_request
def check_token():
    verify_jwt_in_request()


# ok: VC201 -- the hook's check raises for a request without a valid token
@keys.post("/")
def add_key():
    return db.add_key(request.json)


def _signed_by_partner(body, given):
    return hmac.compare_digest(hmac.new(PARTNER_SECRET, body, hashlib.sha256).hexdigest(), given)


# ok: VC201 -- a function of the module compares the HMAC
@app.post("/partner/webhook")
def partner_hook():
    body = request.get_data()
    given = request.headers.get("X-Partner-Token", "")
    if not _signed_by_partner(body, given):
        return "", 400
    return db.record(json.loads(body))


# expect: VC201 -- `construct_from` builds the event from the body without checking anything
@app.post("/api/webhooks/stripe-events")
def stripe_events_hook():
    event = stripe.Event.construct_from(json.loads(request.data), stripe.api_key)
    Order.query.get(event.data.object.metadata["order_id"]).mark_paid()
    return "", 200


# ok: VC201 -- the visitor's own language, kept in their cookie: open by design
@app.post("/i18n/setlang/")
def switch_language():
    response = redirect(request.form.get("next", "/"))
    response.set_cookie("lang", request.form["language"])
    return response


# ok: VC201
@app.route("/preferences", methods=["POST"])
def set_timezone():
    session["tz"] = request.form["tz"]
    return "", 204


# expect: VC201 -- another user's stored language, not the visitor's preference
@app.post("/users/<int:user_id>/language")
def update_language(user_id):
    db.set_language(user_id, request.form["language"])
    return "", 204


# expect: VC201 -- the signature header is read, but nothing checks it
@app.post("/api/webhooks/billing")
def billing_hook():
    signature = request.headers.get("Stripe-Signature")
    event = request.get_json()
    Order.query.get(event["data"]["object"]["metadata"]["order_id"]).mark_paid()
    return "", 200


# expect: VC201 -- that the header is there says nothing about who signed the body
@app.post("/api/webhooks/shipping")
def shipping_hook():
    sig = request.headers.get("X-Hub-Signature-256", "")
    if not sig or not sig.startswith("sha256="):
        abort(400)
    app.logger.info("webhook signed %s", sig)
    return db.record(request.get_json())


# expect: VC201 -- a function of this module gets the signature and never checks it
@app.post("/api/webhooks/refunds")
def refunds_hook():
    sig = request.headers["Stripe-Signature"]
    return _record_refund(request.get_json(), sig)


def _record_refund(event, sig):
    return db.record(event)


# ok: VC201 -- the signature goes to an object that may check it
@app.post("/api/webhooks/invoices")
def invoices_hook():
    sig = request.headers.get("Stripe-Signature")
    return billing.handle_webhook(request.data, sig)


# ok: VC201 -- the parts of the signature header go to an imported check
@app.post("/api/webhooks/ledger")
def ledger_hook():
    header = request.headers.get("X-Ledger-Signature", "")
    parts = dict(item.split("=", 1) for item in header.split(","))
    ledger_checks.ensure(request.data, parts)
    return db.record(request.get_json())


def _profile_variables(user_id):
    try:
        return actions.user_show({"id": user_id})
    except NotAuthorized:
        abort(403)


def _load_dataset(dataset_id):
    dataset = db.get(dataset_id)
    if dataset is None:
        abort(404)
    return dataset


# ok: VC201 -- the action raises `NotAuthorized` for a caller who may not follow, and the view answers 404
@app.post("/dataset/follow/<dataset_id>")
def follow_dataset(dataset_id):
    try:
        actions.follow_dataset({"id": dataset_id})
    except (LookupError, NotAuthorized):
        abort(404)
    return "ok"


# ok: VC201 -- `check_access` raises for a caller without the right
@app.post("/dataset/<dataset_id>/purge")
def purge_dataset(dataset_id):
    check_access("dataset_purge", {"id": dataset_id})
    return actions.dataset_purge({"id": dataset_id})


# ok: VC201 -- the helper it runs first turns away a caller who may not see the user
@app.post("/user/follow/<user_id>")
def follow_user(user_id):
    variables = _profile_variables(user_id)
    actions.follow_user({"id": user_id})
    return variables


# expect: VC201 -- the helper only answers 404 for a missing dataset
@app.post("/dataset/star/<dataset_id>")
def star_dataset(dataset_id):
    dataset = _load_dataset(dataset_id)
    return actions.star(dataset)


class GroupView(MethodView):
    def _prepare(self, group_id):
        try:
            check_access("group_update", {"id": group_id})
        except NotAuthorized:
            abort(403)
        return {"id": group_id}

    def _lookup(self, group_id):
        return db.get(group_id) or abort(404)

    # ok: VC201 -- the method it runs first checks the caller's access and refuses
    def post(self, group_id):
        context = self._prepare(group_id)
        return actions.group_update(context, request.form)


class GroupMembersView(MethodView):
    def _lookup(self, group_id):
        return db.get(group_id) or abort(404)

    # expect: VC201
    def post(self, group_id):
        group = self._lookup(group_id)
        return actions.member_create(group, request.form)


app.add_url_rule("/group/<group_id>/edit", view_func=GroupView.as_view("group_edit"))
app.add_url_rule("/group/<group_id>/members", view_func=GroupMembersView.as_view("group_members"))


# The caller a service reads from the session cookie: authentication once its result is checked and refused.
# ok: VC201 -- the caller checked, refused with a 404
@app.route("/api/notes/<int:note_id>/flag", methods=["POST"])
def flag_note(note_id):
    user = api_service.current_user(request.cookies.get("session_id"))
    if user is None:
        return jsonify(error="not found"), 404
    return jsonify(api_service.flag(note_id))


# ok: VC201 -- the call tested inline
@app.route("/api/notes/<int:note_id>/hide", methods=["POST"])
def hide_note(note_id):
    if not api_service.current_user(request.cookies.get("session_id")):
        abort(404)
    return jsonify(api_service.hide(note_id))


# ok: VC201 -- checked with another condition
@app.route("/api/notes/<int:note_id>/lock", methods=["POST"])
def lock_note(note_id):
    cookie = request.cookies.get("session_id")
    viewer = api_service.current_user(cookie)
    note = api_service.get(note_id)
    if note is None or viewer is None:
        return jsonify(error="not found"), 404
    return jsonify(api_service.lock(note))


# expect: VC201 -- the caller read, never checked
@app.route("/api/notes/<int:note_id>/pin", methods=["POST"])
def pin_note(note_id):
    user = api_service.current_user(request.cookies.get("session_id"))
    note = api_service.get(note_id)
    if note is None:
        return jsonify(error="not found"), 404
    return jsonify(api_service.pin(note))


# expect: VC201 -- only logged when there is one
@app.route("/api/notes/<int:note_id>/archive", methods=["POST"])
def archive_note(note_id):
    user = api_service.current_user(request.cookies.get("session_id"))
    if user:
        app.logger.info("archive by %s", user.id)
    return jsonify(api_service.archive(note_id))


# expect: VC201 -- a user the client names by id is no caller
@app.route("/api/users/<int:user_id>/disable", methods=["POST"])
def disable_user(user_id):
    target = api_service.get_user(user_id)
    if target is None:
        return jsonify(error="not found"), 404
    return jsonify(api_service.disable(target))


# expect: VC201 -- a user looked up by what the form names is no caller
@app.route("/api/invites/<int:invite_id>/accept", methods=["POST"])
def accept_invite(invite_id):
    user = api_service.find_user_by_name(request.form["username"])
    if user is None:
        abort(404)
    return jsonify(api_service.accept(invite_id, user))


# expect: VC201 -- nor one the request's body names
@app.route("/api/invites/<int:invite_id>/decline", methods=["POST"])
def decline_invite(invite_id):
    user = api_service.get_user(request.json["user"])
    if user is None:
        abort(404)
    return jsonify(api_service.decline(invite_id, user))


# ok: VC201 -- a visitor's review of a shop: it only adds a row under the shop, held for moderation
@app.route("/shops/<int:shop_id>/reviews", methods=["POST"])
def add_review(shop_id):
    shop = Shop.query.filter_by(id=shop_id, listed=True).first_or_404()
    db.session.add(Review(shop_id=shop.id, stars=int(request.form["stars"]), text=request.form["text"][:2000]))
    db.session.commit()
    return redirect(url_for("shop", shop_id=shop.id))


# expect: VC201 -- the same path, but it wipes every review of the shop
@app.route("/shops/<int:shop_id>/ratings", methods=["POST"])
def reset_ratings(shop_id):
    Review.query.filter_by(shop_id=shop_id).delete()
    db.session.commit()
    return redirect(url_for("shop", shop_id=shop_id))


# expect: VC201 -- a review posted under the shop that also changes the shop itself
@app.route("/shops/<int:shop_id>/comments", methods=["POST"])
def comment_and_relist(shop_id):
    shop = Shop.query.get_or_404(shop_id)
    shop.listed = request.form.get("listed") == "on"
    db.session.add(Review(shop_id=shop.id, text=request.form["text"]))
    db.session.commit()
    return redirect(url_for("shop", shop_id=shop.id))
