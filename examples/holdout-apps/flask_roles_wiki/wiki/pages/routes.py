from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from .. import services
from ..decorators import permission_required, roles_required
from ..extensions import db
from ..models import Page, PageRevision, User

pages_bp = Blueprint("pages", __name__)

EDITABLE_FIELDS = ("title", "body", "is_private")


@pages_bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = db.session.scalar(db.select(User).where(User.email == request.form["email"]))
        if user and user.check_password(request.form["password"]):
            login_user(user)
            return redirect(url_for("pages.index"))
        flash("Wrong email or password")
    return render_template("login.html")


@pages_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("pages.login"))


@pages_bp.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        user = User(
            email=request.form["email"],
            # expect: VC217 -- the sign-up form picks the role ("editor", "admin"...)
            role=request.form.get("role", "reader"),
        )
        user.set_password(request.form["password"])
        db.session.add(user)
        db.session.commit()
        return redirect(url_for("pages.login"))
    return render_template("register.html")


@pages_bp.route("/")
@login_required
def index():
    pages = db.session.scalars(db.select(Page).where(Page.author_id == current_user.id)).all()
    return render_template("index.html", pages=pages)


@pages_bp.route("/pages/<int:page_id>")
@login_required
def show_page(page_id):
    # expect: VC214 -- private pages of other authors by id
    page = Page.query.get_or_404(page_id)
    return render_template("page.html", page=page)


@pages_bp.route("/pages/<int:page_id>/edit", methods=["POST"])
@login_required
def edit_page(page_id):
    # ok: VC214 -- scoped to the author
    page = Page.query.filter_by(id=page_id, author_id=current_user.id).first_or_404()
    services.snapshot(page)
    for field in EDITABLE_FIELDS:
        if field in request.form:
            # ok: VC215 -- allowlisted fields
            setattr(page, field, request.form[field])
    db.session.commit()
    return redirect(url_for("pages.show_page", page_id=page.id))


@pages_bp.route("/pages/<int:page_id>/delete", methods=["POST"])
@login_required
def delete_page(page_id):
    # expect: VC214 -- the service helper loads any page by id
    page = services.get_page(page_id)
    if page is None:
        abort(404)
    db.session.delete(page)
    db.session.commit()
    return redirect(url_for("pages.index"))


@pages_bp.route("/pages/<int:page_id>/restore/<int:revision_id>", methods=["POST"])
@login_required
def restore_revision(page_id, revision_id):
    # ok: VC214 -- the page is the author's; the revision must belong to it
    page = services.get_page_for(current_user, page_id)
    if page is None:
        abort(404)
    revision = db.session.scalar(
        db.select(PageRevision).where(PageRevision.id == revision_id, PageRevision.page_id == page.id)
    )
    if revision is None:
        abort(404)
    page.body = revision.body
    db.session.commit()
    return redirect(url_for("pages.show_page", page_id=page.id))


# expect: VC201/VC219 -- every other page route asks for a login; the history of private pages does not
@pages_bp.route("/pages/<int:page_id>/history")
def page_history(page_id):
    revisions = db.session.scalars(db.select(PageRevision).where(PageRevision.page_id == page_id)).all()
    return render_template("history.html", revisions=revisions)


@pages_bp.route("/pages/<int:page_id>/publish", methods=["POST"])
@roles_required("editor", "admin")
def publish_page(page_id):
    # ok: VC214/VC218 -- editors publish any page of the wiki
    page = db.get_or_404(Page, page_id)
    page.is_private = False
    db.session.commit()
    return redirect(url_for("pages.show_page", page_id=page.id))


@pages_bp.route("/pages/<int:page_id>/lock", methods=["POST"])
@login_required
@permission_required("pages.lock")
def lock_page(page_id):
    # expect: VC214/VC218 -- permission_required checks nothing
    page = db.get_or_404(Page, page_id)
    page.is_private = True
    db.session.commit()
    return redirect(url_for("pages.show_page", page_id=page.id))
