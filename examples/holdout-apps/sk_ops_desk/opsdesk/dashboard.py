"""Flask dashboard: incidents, the queue, and a Flask-Admin back office."""
from flask import Flask, abort, jsonify, redirect, request, url_for
from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from redis import Redis
from rq import Queue
from rq.job import Job
# expect: VC504
from sqlalchemy import text

from . import jobs
from .settings import REDIS_URL

app = Flask(__name__)
# expect: VC203
app.config["SECRET_KEY"] = "opsdesk-dev-secret-key"
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///opsdesk.db"
db = SQLAlchemy(app)
login_manager = LoginManager(app)
redis = Redis.from_url(REDIS_URL)
queue = Queue("opsdesk", connection=redis)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(200), unique=True)
    is_admin = db.Column(db.Boolean, default=False)
    team = db.Column(db.String(50))


class Incident(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team = db.Column(db.String(50))
    title = db.Column(db.String(200))
    description = db.Column(db.Text)
    status = db.Column(db.String(20), default="open")


class AdminOnlyView(ModelView):
    def is_accessible(self):
        return current_user.is_authenticated and current_user.is_admin

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("login"))


class IncidentAdmin(ModelView):
    # expect: VC212
    def is_accessible(self):
        return True


admin = Admin(app, name="opsdesk")
admin.add_view(AdminOnlyView(User, db.session))
admin.add_view(IncidentAdmin(Incident, db.session))


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.route("/incidents/<int:incident_id>")
@login_required
def show_incident(incident_id):
    # ok: VC214
    incident = Incident.query.filter_by(id=incident_id, team=current_user.team).first_or_404()
    return jsonify(id=incident.id, title=incident.title, status=incident.status)


@app.route("/incidents/<int:incident_id>/triage", methods=["POST"])
@login_required
def triage(incident_id):
    # expect: VC214
    incident = db.get_or_404(Incident, incident_id)
    job = queue.enqueue(jobs.triage_incident, incident.id, incident.description)
    return jsonify(job=job.id), 202


# expect: VC201
@app.route("/incidents/<int:incident_id>/fix", methods=["POST"])
def run_fix(incident_id):
    incident = Incident.query.get_or_404(incident_id)
    job = queue.enqueue(jobs.run_fix, incident.id, incident.description)
    return jsonify(job=job.id), 202


@app.route("/incidents/search")
@login_required
def search():
    status = request.args.get("status", "open")
    # expect: VC422/VC402
    rows = db.session.execute(text(f"SELECT id, title FROM incident WHERE team = :t AND status = '{status}'"),
                              {"t": current_user.team})
    return jsonify([dict(r._mapping) for r in rows])


@app.route("/jobs/<job_id>")
@login_required
def job_status(job_id):
    # expect: VC214
    job = Job.fetch(job_id, connection=redis)
    return jsonify(status=job.get_status(), result=job.result)


@app.route("/incidents/<int:incident_id>/close", methods=["POST"])
@login_required
def close(incident_id):
    incident = Incident.query.filter_by(id=incident_id, team=current_user.team).first()
    if incident is None:
        abort(404)
    incident.status = "closed"
    db.session.commit()
    # ok: VC409
    return redirect(url_for("show_incident", incident_id=incident.id))


@app.route("/incidents/<int:incident_id>/close-and-go", methods=["POST"])
@login_required
def close_and_go(incident_id):
    # ok: VC214
    incident = Incident.query.filter_by(id=incident_id, team=current_user.team).first_or_404()
    incident.status = "closed"
    db.session.commit()
    # expect: VC409
    return redirect(request.args.get("next", "/"))


if __name__ == "__main__":
    # expect: VC211
    app.run(debug=True)
