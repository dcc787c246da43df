from flask import Blueprint, abort, g, jsonify, request
from flask_login import current_user

from ..extensions import db
from ..models import Page, Space, User

api_bp = Blueprint("api", __name__)

PAGE_FIELDS = {"title", "body", "is_private"}


@api_bp.before_request
def load_api_caller():
    if not current_user.is_authenticated:
        abort(401)
    # expect: VC207/VC217 -- the integration sends its own role
    g.is_admin = request.headers.get("X-Wiki-Role") == "admin"


@api_bp.get("/spaces/<int:space_id>/pages")
def space_pages(space_id):
    # ok: VC214 -- the space is the caller's
    space = db.session.scalar(db.select(Space).where(Space.id == space_id, Space.owner_id == current_user.id))
    if space is None:
        abort(404)
    pages = db.session.scalars(db.select(Page).where(Page.space_id == space.id))
    return jsonify([{"id": p.id, "title": p.title} for p in pages])


@api_bp.patch("/pages/<int:page_id>")
def patch_page(page_id):
    page = db.session.scalar(db.select(Page).where(Page.id == page_id, Page.author_id == current_user.id))
    if page is None:
        abort(404)
    for key, value in request.get_json().items():
        # expect: VC215 -- author_id and space_id too
        setattr(page, key, value)
    db.session.commit()
    return jsonify({"id": page.id})


@api_bp.put("/pages/<int:page_id>")
def put_page(page_id):
    page = db.session.scalar(db.select(Page).where(Page.id == page_id, Page.author_id == current_user.id))
    if page is None:
        abort(404)
    payload = request.get_json()
    for key in PAGE_FIELDS & payload.keys():
        # ok: VC215 -- allowlisted keys
        setattr(page, key, payload[key])
    db.session.commit()
    return jsonify({"id": page.id})


@api_bp.delete("/users/<int:user_id>")
def delete_user(user_id):
    if not g.is_admin:
        abort(403)
    user = db.get_or_404(User, user_id)
    db.session.delete(user)
    db.session.commit()
    return "", 204
