"""Google Cloud Functions (functions-framework) for the reporting backend."""
import hmac
import os
import subprocess

import functions_framework
import requests
from google.cloud import bigquery, storage

bq = bigquery.Client()
gcs = storage.Client()

API_KEY = os.environ.get("REPORTS_API_KEY", "")
# expect: VC403 -- SendGrid key in the source
SENDGRID_API_KEY = "SG.kR8cJ2pXQ0mW7zLbT4vN9a.Hq3Yf6Ds1Gk8Lp2Zx5Cv7Bn9Mm4Qw0Er6Ty8Ui1Op3"
BUCKET = os.environ.get("UPLOAD_BUCKET", "acme-uploads")


def _authorised(request) -> bool:
    # expect: VC216, VC204 -- an unset key lets a request without the header in, and == on the key
    return request.headers.get("X-API-Key", "") == API_KEY


def _authorised_strict(request) -> bool:
    supplied = request.headers.get("X-API-Key")
    # ok: VC216/VC204 -- refuses when unset, constant-time comparison
    return bool(API_KEY) and supplied is not None and hmac.compare_digest(supplied, API_KEY)


@functions_framework.http
def customer_report(request):
    if not _authorised(request):
        return ("forbidden", 403)
    data = request.get_json(silent=True) or {}
    customer_id = data.get("customer_id")
    query = f"SELECT order_id, total FROM `acme.sales.orders` WHERE customer_id = '{customer_id}'"
    # expect: VC422/VC402 -- BigQuery runs SQL built from the request body
    rows = bq.query(query).result()
    return {"orders": [dict(r) for r in rows]}


@functions_framework.http
def customer_report_v2(request):
    if not _authorised_strict(request):
        return ("forbidden", 403)
    customer_id = (request.get_json(silent=True) or {}).get("customer_id")
    config = bigquery.QueryJobConfig(query_parameters=[bigquery.ScalarQueryParameter("cid", "STRING", customer_id)])
    # ok: VC422/VC402 -- query parameter
    rows = bq.query("SELECT order_id, total FROM `acme.sales.orders` WHERE customer_id = @cid", job_config=config)
    return {"orders": [dict(r) for r in rows.result()]}


@functions_framework.http
def fetch_logo(request):
    url = request.args.get("url")
    # expect: VC405 -- the function fetches any URL, metadata server included
    resp = requests.get(url, timeout=10)
    blob = gcs.bucket(BUCKET).blob(f"logos/{os.path.basename(url)}")
    # expect: VC107 -- an error page is stored as the logo
    blob.upload_from_string(resp.content, content_type=resp.headers.get("content-type"))
    return {"path": blob.name}


@functions_framework.http
def read_export(request):
    name = request.args.get("name", "")
    # expect: VC405 -- the query string names any file on the instance
    with open(os.path.join("/tmp/exports", name)) as f:
        return f.read()


@functions_framework.cloud_event
def make_thumbnail(cloud_event):
    name = cloud_event.data["name"]
    local = f"/tmp/{os.path.basename(name)}"
    gcs.bucket(cloud_event.data["bucket"]).blob(name).download_to_filename(local)
    # expect: VC408/VC421 -- the uploader's object name goes into a shell line
    subprocess.run(f"convert {local} -resize 200x200 {local}.thumb.png", shell=True, check=True)
    try:
        os.remove(local)
    # ok: VC101 -- narrow clean-up error
    except FileNotFoundError:
        pass


@functions_framework.http
def send_receipt(request):
    data = request.get_json()
    try:
        # expect: VC107 -- a refused receipt goes unnoticed
        requests.post(
            "https://api.sendgrid.com/v3/mail/send",
            headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"},
            json={"to": data["email"], "template": "receipt"},
            timeout=10,
        )
    # expect: VC101 -- a failed receipt disappears
    except Exception:
        pass
    return {"queued": True}
