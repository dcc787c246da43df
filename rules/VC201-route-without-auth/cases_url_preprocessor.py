"""VC201 corpus: a blueprint's `url_value_preprocessor` that redirects a caller without the project's credentials
guards the blueprint's routes, as a `before_request` hook does."""
from flask import Blueprint, Flask, g, redirect, session, url_for
from werkzeug.exceptions import Forbidden

from .models import Bill, Project

app = Flask(__name__)
main = Blueprint("main", __name__)
open_board = Blueprint("open_board", __name__)


class Redirect303(Forbidden):
    pass


@main.url_value_preprocessor
def pull_project(endpoint, values):
    project_id = (values or {}).pop("project_id", None)
    if project_id:
        project = Project.query.get(project_id)
        if project.id not in session.get("projects", {}):
            raise Redirect303(url_for(".authenticate", project_id=project_id))
        g.project = project


# ok: VC201 -- pull_project turns away a caller without the project in their session
@main.route("/<project_id>/delete/<int:bill_id>", methods=["POST"])
def delete_bill(bill_id):
    Bill.query.filter_by(project=g.project, id=bill_id).delete()
    return redirect(url_for(".list_bills"))


@open_board.url_value_preprocessor
def load_board(endpoint, values):
    if not values:
        return
    g.project = Project.query.get(values.pop("project_id", None))


# expect: VC201 -- load_board only loads the project; nobody is turned away
@open_board.route("/<project_id>/bills/<int:bill_id>/delete", methods=["POST"])
def remove_bill(bill_id):
    Bill.query.filter_by(project=g.project, id=bill_id).delete()
    return redirect("/")


app.register_blueprint(main)
app.register_blueprint(open_board)
