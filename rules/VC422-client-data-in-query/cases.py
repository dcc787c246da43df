"""VC422 corpus: client input as SQL text, ORM ordering or lookups, MongoDB operators; and the safe look-alikes."""
import json
import sqlite3

import sqlalchemy as sa
import streamlit as st
from streamlit import text_input
from bson import ObjectId
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, request
from google.cloud import bigquery
from pymongo import MongoClient
from sqlalchemy import text

from shop.models import Product, db
from shop.tasks import jobs

app = Flask(__name__)
api = FastAPI()
mongo = MongoClient()
users = mongo.shop.users
SORTS = {"name": Product.name, "price": Product.price}
REPORTS = sqlite3.connect("reports.db", check_same_thread=False)
ALLOWED_ORDERING = {"name", "-name", "price", "-price"}


@app.get("/report")
def report():
    # expect: VC422
    rows = db.session.execute(text(request.args["query"]))
    return {"rows": [dict(r) for r in rows]}


@app.get("/products")
def products():
    sort = request.args.get("sort", "name")
    # expect: VC422
    return {"items": Product.query.order_by(sort).all()}


@app.get("/products-desc")
def products_descending():
    column = request.args["column"]
    # expect: VC422
    return {"items": Product.query.order_by(text(f"{column} DESC")).all()}


@app.get("/grouped")
def grouped():
    field = request.args["by"]
    # expect: VC422
    return {"rows": db.session.query(sa.func.count()).group_by(sa.literal_column(field)).all()}


def django_list(request):
    ordering = request.GET.get("ordering", "name")
    # expect: VC422
    items = Product.objects.order_by(ordering)
    return JsonResponse({"items": list(items.values())})


def django_distinct(request):
    # expect: VC422
    items = Product.objects.order_by("category").distinct(request.GET["field"])
    return JsonResponse({"items": list(items.values())})


def django_lookups(request):
    params = request.GET.dict()
    # expect: VC422
    items = Product.objects.filter(**params)
    return JsonResponse({"items": list(items.values())})


def django_raw_sql(request):
    # expect: VC422
    items = Product.objects.annotate(score=RawSQL(request.GET["score"], ()))
    return JsonResponse({"items": list(items.values())})


def django_raw_sql_through_a_getter(request):
    q = request.GET.get
    # expect: VC422 -- `q` is `request.GET.get`: the client's query string
    items = Product.objects.annotate(score=RawSQL(q("score", "1"), ()))
    return JsonResponse({"items": list(items.values())})


def django_order_through_a_table_getter(request):
    pick = {"name": "name", "price": "-price"}.get
    # ok: VC422 -- a getter of a fixed table, not of the request
    items = Product.objects.annotate(score=RawSQL(pick("price", "name"), ()))
    return JsonResponse({"items": list(items.values())})


@app.post("/login")
def login():
    data = request.get_json()
    # expect: VC422
    user = users.find_one({"email": data["email"], "password_hash": data["password"]})
    return {"ok": user is not None}


@app.post("/search")
def search():
    # expect: VC422
    return {"items": list(users.find(request.json))}


@app.post("/delete")
def delete():
    query = {"owner": request.json.get("owner")}
    # expect: VC422
    users.delete_many(query)
    return {"ok": True}


@app.post("/built")
def built_filter():
    query = {}
    query["status"] = request.get_json()["status"]
    # expect: VC422
    return {"count": users.count_documents(query)}


@app.get("/where")
def where():
    # expect: VC422
    return {"items": list(users.find({"$where": request.args["condition"]}))}


@app.get("/field")
def field_name():
    # expect: VC422
    return {"items": list(users.find({request.args["field"]: "x"}))}


@app.get("/filter-param")
def filter_param():
    raw = request.args["filter"]
    # expect: VC422
    return {"items": list(users.find(json.loads(raw)))}


@api.post("/fastapi-search")
async def fastapi_search(filters: dict):
    # expect: VC422
    return {"items": list(users.find(filters))}


def lambda_handler(event, context):
    # expect: VC422
    return users.find_one({"user_id": event["user_id"]})


@app.get("/products-mapped")
def products_mapped():
    # ok: VC422
    return {"items": Product.query.order_by(SORTS.get(request.args.get("sort"), Product.name)).all()}


@app.get("/products-checked")
def products_checked():
    ordering = request.args.get("ordering", "name")
    if ordering not in ALLOWED_ORDERING:
        ordering = "name"
    # ok: VC422
    return {"items": Product.query.order_by(ordering).all()}


def django_form(request):
    form = SearchForm(request.GET)
    form.is_valid()
    # ok: VC422
    items = Product.objects.order_by(form.cleaned_data["ordering"])
    return JsonResponse({"items": list(items.values())})


def django_chosen_field(request):
    field = request.GET.get("field", "name")
    # expect: VC422
    items = Product.objects.filter(**{f"{field}__icontains": request.GET.get("q", "")})
    return JsonResponse({"items": list(items.values())})


def django_lookups_with_fixed_keys(request):
    # ok: VC422
    items = Product.objects.filter(**{"name__icontains": request.GET.get("q", "")}, **dict(active=True))
    return JsonResponse({"items": list(items.values())})


def django_named_lookup(request):
    # ok: VC422
    items = Product.objects.filter(name=request.GET.get("name"))
    return JsonResponse({"items": list(items.values())})


@app.get("/bound")
def bound_parameters():
    # ok: VC422
    rows = db.session.execute(text("SELECT * FROM items WHERE name = :name"), {"name": request.args["name"]})
    return {"rows": [dict(r) for r in rows]}


@app.post("/login-safe")
def login_safe():
    data = request.get_json()
    # ok: VC422
    user = users.find_one({"email": str(data["email"])})
    return {"ok": user is not None}


@app.get("/by-id")
def by_id():
    # ok: VC422
    return users.find_one({"_id": ObjectId(request.json["id"])})


@app.get("/query-string")
def query_string_value():
    # ok: VC422
    return {"items": list(users.find({"name": request.args["name"]}))}


@app.post("/checked-type")
def checked_type():
    email = request.json.get("email")
    if not isinstance(email, str):
        return {"error": "bad email"}, 400
    # ok: VC422
    return {"items": list(users.find({"email": email}))}


@app.post("/eq")
def explicit_eq():
    # ok: VC422
    return {"items": list(users.find({"email": {"$eq": request.json["email"]}}))}


@app.get("/constant-sort")
def constant_sort():
    # ok: VC422
    return {"items": Product.query.order_by("name").all()}


class SearchForm:
    def __init__(self, data):
        self.cleaned_data = data

    def is_valid(self):
        return True


@app.get("/orders")
def parametrised_with_fstring_part():
    cursor = db.session.connection().connection.cursor()
    sort = request.args.get("sort", "created")
    # expect: VC422
    cursor.execute(f"SELECT * FROM orders WHERE user_id = %s ORDER BY {sort}", (request.args["user"],))
    return cursor.fetchall()


ORDER_COLUMNS = {"new": "created DESC", "old": "created ASC"}


@app.get("/orders-mapped")
def parametrised_with_mapped_part():
    cursor = db.session.connection().connection.cursor()
    order = ORDER_COLUMNS.get(request.args.get("sort"), "created DESC")
    # ok: VC422
    cursor.execute(f"SELECT * FROM orders WHERE user_id = %s ORDER BY {order}", (request.args["user"],))
    return cursor.fetchall()


@app.get("/notes/count")
def placeholders_for_each_value():
    cursor = db.session.connection().connection.cursor()
    tags = request.args["tags"].split(",")
    placeholders = ",".join("?" for _ in tags)
    # ok: VC422
    cursor.execute(f"SELECT COUNT(*) FROM notes WHERE tag IN ({placeholders})", tags)
    columns = ", ".join(f'"{tag}"' for tag in tags)
    # expect: VC422
    cursor.execute(f"SELECT {columns} FROM notes")
    return cursor.fetchall()


SEARCH_FIELDS = ("name", "sku")


@app.get("/items")
def column_chosen_by_conditional_expression():
    cursor = db.session.connection().connection.cursor()
    field = request.args["field"]
    column = field if field in SEARCH_FIELDS else "name"
    # ok: VC422
    cursor.execute(f"SELECT * FROM items WHERE {column} = %s", (request.args["value"],))
    fallback = "name" if field not in SEARCH_FIELDS else field
    # ok: VC422
    cursor.execute(f"SELECT * FROM items WHERE {fallback} = %s", (request.args["value"],))
    unchecked = field if field not in SEARCH_FIELDS else "name"
    # expect: VC422
    cursor.execute(f"SELECT * FROM items WHERE {unchecked} = %s", (request.args["value"],))
    return cursor.fetchall()


class ReportView:
    """A class-based view keeps its session, connection and cursor in attributes."""

    def __init__(self, session, conn) -> None:
        self.session = session
        self.conn = conn
        self.cursor = conn.cursor()

    def by_name(self):
        name = request.args["name"]
        # expect: VC422
        rows = self.session.execute(text(f"SELECT * FROM reports WHERE name = '{name}'"))
        return [dict(r) for r in rows]

    def by_name_bound(self):
        name = request.args["name"]
        # ok: VC422
        rows = self.session.execute(text("SELECT * FROM reports WHERE name = :name").bindparams(name=name))
        return [dict(r) for r in rows]

    def by_name_params(self):
        # ok: VC422
        rows = self.session.execute(text("SELECT * FROM reports WHERE name = :name"), {"name": request.args["name"]})
        return [dict(r) for r in rows]

    def by_owner(self):
        owner = request.args["owner"]
        # expect: VC422
        self.cursor.execute("SELECT id FROM reports WHERE owner = '%s'" % owner)
        return self.cursor.fetchall()

    def by_owner_params(self):
        # ok: VC422
        self.cursor.execute("SELECT id FROM reports WHERE owner = %s", (request.args["owner"],))
        return self.cursor.fetchall()

    def count(self):
        table = request.args["table"]
        sql = f"SELECT COUNT(*) FROM {table}"
        # expect: VC422
        return self.conn.execute(sql).scalar()


def streamlit_sql_box(conn):
    query = st.text_area("SQL")
    # expect: VC422
    return conn.execute(text(query)).fetchall()


def streamlit_sidebar_filter(engine):
    name = st.sidebar.text_input("Customer")
    with engine.connect() as conn:
        # expect: VC422
        return conn.execute(sa.text("SELECT * FROM orders WHERE customer = '" + name + "'")).fetchall()


def streamlit_imported_widget(engine):
    table = text_input("Table")
    with engine.connect() as conn:
        # expect: VC422
        return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()


def streamlit_bound_filter(engine):
    name = st.text_input("Customer")
    with engine.connect() as conn:
        # ok: VC422
        return conn.execute(text("SELECT * FROM orders WHERE customer = :name"), {"name": name}).fetchall()


def streamlit_choice(engine):
    region = st.selectbox("Region", ["eu", "us"])
    with engine.connect() as conn:
        # ok: VC422 -- one of the app's own options
        return conn.execute(text(f"SELECT * FROM sales WHERE region = '{region}'")).fetchall()


@app.get("/reports/run")
def run_report():
    # expect: VC422
    return {"rows": REPORTS.execute(request.args["sql"]).fetchall()}


@app.get("/reports/by-day")
def report_by_day():
    # ok: VC422
    return {"rows": REPORTS.execute("SELECT * FROM daily WHERE day = ?", (request.args["day"],)).fetchall()}


@app.post("/jobs/run")
def run_job():
    # ok: VC422 -- a job runner's `execute`, not a database's
    return {"result": jobs.execute(request.args["job"])}


class InventoryStore:
    """A project's own store object: its query methods are named as a driver's, its name is not a connection's."""

    def fetch_one(self, sql, params=()):
        return REPORTS.execute(sql, params).fetchone()


store = InventoryStore()


@app.get("/stock/<sku>")
def stock(sku):
    # expect: VC422
    return store.fetch_one("SELECT * FROM stock WHERE sku = '%s'" % sku)


@app.get("/stock-safe/<sku>")
def stock_safe(sku):
    # ok: VC422
    return store.fetch_one("SELECT * FROM stock WHERE sku = ?", (sku,))


@app.get("/stock-label/<sku>")
def stock_label(sku):
    # ok: VC422
    return store.fetch_one(f"label:{sku}")


@app.post("/reports/query")
def read_only_query():
    sql = request.json["sql"].strip()
    if not sql.upper().startswith("SELECT"):
        return {"error": "only SELECT"}, 400
    # expect: VC422 -- a query that starts with SELECT is still any query: every table, any function
    return {"rows": REPORTS.execute(sql).fetchall()}


@app.get("/reports/by-kind")
def reports_of_kind():
    kind = request.args["kind"]
    if kind not in ("daily", "weekly"):
        return {"error": "unknown kind"}, 400
    # ok: VC422 -- one of two fixed words
    return {"rows": REPORTS.execute(f"SELECT * FROM {kind}_reports").fetchall()}


bq = bigquery.Client()


@app.get("/bq/orders")
def bigquery_orders():
    customer = request.args["customer"]
    # expect: VC422 -- BigQuery runs the text it is handed
    return {"rows": [dict(r) for r in bq.query(f"SELECT * FROM sales.orders WHERE customer = '{customer}'").result()]}


@app.get("/bq/orders/bound")
def bigquery_orders_bound():
    config = bigquery.QueryJobConfig(query_parameters=[
        bigquery.ScalarQueryParameter("customer", "STRING", request.args["customer"])])
    # ok: VC422 -- a query parameter
    return {"rows": [dict(r) for r in bq.query("SELECT * FROM sales.orders WHERE customer = @customer",
                                               job_config=config).result()]}


@app.get("/search/orm")
def orm_query_call():
    # ok: VC422 -- a session's `query` takes a model, not SQL
    return {"rows": db.session.query(Product).filter_by(name=request.args["name"]).all()}


engine = sa.create_engine("sqlite:///shop.db")


@app.get("/count/driver")
def driver_sql_from_the_client():
    with engine.connect() as conn:
        # expect: VC422 -- the whole statement is the client's
        return {"n": conn.exec_driver_sql(request.args["sql"]).scalar()}


@app.get("/count/driver/bound")
def driver_sql_bound():
    with engine.connect() as conn:
        # ok: VC422
        return {"n": conn.exec_driver_sql("SELECT COUNT(*) FROM users WHERE status = ?", (request.args["s"],)).scalar()}


@app.get("/unlock")
def unlock_archive():
    archive = sqlite3.connect("archive.db")
    # expect: VC422 -- a `PRAGMA` takes no parameters, but a client's text pasted into it is still SQL
    archive.execute(f"PRAGMA key = '{request.args['passphrase']}'")
    return "ok"


@app.route("/alias-search")
def search_through_an_alias():
    sql = text
    name = request.args["name"]
    # expect: VC422 -- `sql` is SQLAlchemy's `text`
    return str(db.session.execute(sql(f"SELECT * FROM products WHERE name = '{name}'")).all())


@app.route("/alias-bound")
def search_bound_through_an_alias():
    sql = text
    # ok: VC422 -- the client's value is a bound parameter
    return str(db.session.execute(sql("SELECT * FROM products WHERE name = :name"), {"name": request.args["name"]}).all())


@app.route("/method-alias")
def search_through_a_cursor_method():
    run_sql = REPORTS.cursor().execute
    name = request.args["name"]
    # expect: VC422 -- `run_sql` is the cursor's `execute`
    return str(run_sql(f"SELECT * FROM products WHERE name = '{name}'").fetchall())


@app.route("/module-method-alias")
def search_through_the_connections_method():
    # expect: VC422 -- the module's `_run_report` is `REPORTS.execute`
    return str(_run_report("SELECT * FROM sales WHERE region = '" + request.args["region"] + "'").fetchall())


_run_report = REPORTS.execute


@app.route("/method-alias-bound")
def search_bound_through_a_cursor_method():
    cursor = REPORTS.cursor()
    run_sql = cursor.execute
    # ok: VC422 -- the client's value is a bound parameter
    return str(run_sql("SELECT * FROM products WHERE name = ?", (request.args["name"],)).fetchall())


@app.route("/method-alias-rebound")
def search_through_a_rebound_name():
    run_sql = REPORTS.execute
    run_sql = print  # rebound: `run_sql` is not always the connection's method
    # ok: VC422 -- the last binding prints
    run_sql(f"SELECT * FROM products WHERE name = '{request.args['name']}'")
    return "ok"


@app.route("/method-alias-parameter")
def search_through_a_parameter(run_sql=print):
    # ok: VC422 -- a parameter is whatever the caller passes, no alias
    run_sql(f"SELECT * FROM products WHERE name = '{request.args['name']}'")
    return "ok"


class SalesReport:
    """A report whose query method is the connection's, bound once in `__init__`."""

    def __init__(self):
        self._query = REPORTS.execute

    def by_region(self):
        # expect: VC422 -- `self._query` is `REPORTS.execute`, bound once in the class
        return self._query(f"SELECT * FROM sales WHERE region = '{request.args['region']}'").fetchall()


class DryRunReport:
    """A report whose query method is swapped for a printer in a dry run."""

    def __init__(self):
        self._query = REPORTS.execute

    def dry_run(self):
        self._query = print

    def by_region(self):
        # ok: VC422 -- `self._query` is also `print`: which one runs is not known here
        return self._query(f"SELECT * FROM sales WHERE region = '{request.args['region']}'")


@app.route("/method-alias-queue")
def queue_through_a_jobs_method():
    submit = jobs.execute  # a task queue's `execute`, given a job name, no SQL
    # ok: VC422 -- not a database's method, and the text is no SQL
    return str(submit(request.args["job"]))


@app.route("/pydal/search")
def pydal_search():
    # expect: VC422 -- pydal's (web2py's, Emmett's) executesql runs the text as it is
    return {"rows": db.executesql(request.args["where"], as_dict=True)}


@app.route("/pydal/titles")
def pydal_titles():
    # ok: VC422 -- the client's value is a placeholder
    return {"rows": db.executesql("SELECT id FROM notes WHERE title = ?", placeholders=[request.args["title"]])}
