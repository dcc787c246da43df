"""Routes that hand the client's URLs, names and paths to the clients and repositories of this package."""

from fastapi import Depends, FastAPI

from . import deps, store
from .clients import ApiClient, StatusPoller, WebhookSender, fetch_json
from .integrations import LedgerView, PartnerSync
from .deps import get_archiver, get_cached_runner, get_runner, runner_dependency
from .runner import Runner, notifier
from .store import OrderRepository

app = FastAPI()
PARTNER = "https://partner.example.com"
SESSION = None


@app.get("/proxy")
def proxy(upstream: str, path: str = "/"):
    client = ApiClient(upstream)
    return client.fetch(path)


@app.post("/hooks/test")
def test_hook(url: str):
    sender = WebhookSender(url)
    return sender.send({"ping": True}).status_code


@app.get("/partner/status")
def partner_status():
    poller = StatusPoller(PARTNER + "/status")
    return {"status": poller.poll()}


@app.get("/remote")
async def remote(base: str):
    return await fetch_json(base, "/data")


@app.get("/orders")
def orders(customer: str):
    repo = OrderRepository(SESSION)
    return repo.by_customer(customer) + repo.by_customer_bound(customer)


@app.get("/orders/status")
def orders_by_status(status: str):
    return OrderRepository.by_status(SESSION, status)


@app.post("/restore")
def restore_backup(name: str):
    store.restore(f"/srv/backups/{name}", "/srv/restore")
    store.restore_filtered(f"/srv/backups/{name}", "/srv/restore")
    return {"ok": True}


def get_repo() -> OrderRepository:
    return OrderRepository(SESSION)


@app.get("/orders/region")
def orders_by_region(region: str, repo: OrderRepository = Depends(get_repo)):
    return repo.by_region(region)


@app.get("/orders/city")
def orders_by_city(city: str):
    repo = get_repo()
    return repo.by_city(city)


@app.post("/jobs/run")
def run_job(cmd: str):
    runner = get_runner()
    return {"out": runner.run(cmd), "listed": runner.run_listed(cmd)}


@app.post("/jobs/cached")
def run_cached(cmd: str, runner=Depends(get_cached_runner)):
    return {"out": runner.run_script(cmd)}


@app.get("/jobs/ping")
def ping(host: str):
    return {"out": deps.get_runner().ping(host)}


@app.post("/jobs/archive")
def archive(name: str):
    get_archiver().pack("reports")
    return {"name": name}


@app.get("/jobs/show")
def show(name: str, runner=Depends(runner_dependency)):
    return {"text": runner.show(name)}


@app.get("/jobs/tail")
def tail(name: str):
    return {"text": Runner.from_env().tail(name)}


@app.post("/jobs/notify")
def notify(url: str, job: str):
    return {"status": notifier.notify(url), "partner": notifier.notify_partner(job)}


@app.post("/partner/push")
def partner_push(target: str):
    return PartnerSync("token").push(target).status_code


@app.get("/partner/items/{item_id}")
def partner_item(item_id: str):
    return PartnerSync("token").item(item_id).json()


@app.get("/ledger/{key}")
def ledger_entry(key: str):
    return LedgerView().entry(key)
