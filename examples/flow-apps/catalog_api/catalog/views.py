"""Routes of the catalog API: each hands client input to a helper in queries.py."""
from flask import Flask, request

from catalog import queries
from catalog.queries import by_name, checked_sort, mapped_sort, newest, products_by, sorted_products

app = Flask(__name__)


def requested_sort() -> str:
    return request.args.get("sort", "name")


@app.get("/products")
def products():
    return {"items": [p.name for p in sorted_products(requested_sort())]}


@app.get("/products/by")
def products_by_column():
    return {"items": [p.name for p in products_by(request.args["column"], request.args.get("dir", "asc"))]}


@app.post("/reports")
def report():
    return {"rows": [list(r) for r in queries.run_report(request.get_json()["sql"])]}


@app.get("/counts")
def counts():
    return {"rows": [list(r) for r in queries.grouped_counts(request.args["field"])]}


@app.get("/products/mapped")
def products_mapped():
    return {"items": [p.name for p in mapped_sort(request.args["sort"])]}


@app.get("/products/checked")
def products_checked():
    return {"items": [p.name for p in checked_sort(request.args["sort"])]}


@app.get("/products/named")
def products_named():
    return {"items": [list(r) for r in by_name(request.args["name"])]}


@app.get("/products/newest")
def products_newest():
    return {"items": [p.name for p in newest(min(int(request.args.get("limit", "10")), 100))]}


@app.get("/reports/nightly")
def nightly():
    return {"rows": [list(r) for r in queries.nightly_report("SELECT count(*) FROM product")]}
