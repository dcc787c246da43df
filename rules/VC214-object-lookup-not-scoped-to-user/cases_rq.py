"""VC214 corpus: an RQ job fetched by the id the client sends reaches whoever queued it, its result and arguments."""
from flask import Flask, abort, g, jsonify
from flask_login import login_required
from redis import Redis
from rq.job import Job

app = Flask(__name__)
redis = Redis()


@app.get("/jobs/<job_id>")
@login_required
def job_status(job_id):
    # expect: VC214
    job = Job.fetch(job_id, connection=redis)
    return jsonify(status=job.get_status(), result=job.result)


@app.get("/my/jobs/<job_id>")
@login_required
def my_job_status(job_id):
    # ok: VC214 -- the job's recorded owner is compared with the caller
    job = Job.fetch(job_id, connection=redis)
    if job.meta.get("owner") != g.user.id:
        abort(404)
    return jsonify(status=job.get_status(), result=job.result)
