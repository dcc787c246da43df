"""Product catalog: products with a name and free-form string properties, searchable by any of them."""

import json
import os
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DB = "db.sqlite3"
SEARCHABLE = {"name", "brand", "color", "size", "category"}


def connect():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


def init_db():
    with connect() as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS products (name TEXT PRIMARY KEY, brand TEXT, color TEXT, size TEXT, "
            "category TEXT, extra TEXT)"
        )


def row_to_product(row):
    product = {k: row[k] for k in ("name", "brand", "color", "size", "category") if row[k] is not None}
    product.update(json.loads(row["extra"] or "{}"))
    return product


# expect: VC201
@app.post("/add")
def add_product():
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return jsonify(error="Invalid input"), 400
    columns = {k: str(v) for k, v in data.items() if k in SEARCHABLE}
    extra = {k: str(v) for k, v in data.items() if k not in SEARCHABLE}
    names = ", ".join(columns) + ", extra"
    marks = ", ".join("?" for _ in columns) + ", ?"
    with connect() as conn:
        # ok: VC402/VC422
        conn.execute(f"INSERT OR REPLACE INTO products ({names}) VALUES ({marks})", [*columns.values(), json.dumps(extra)])
    return jsonify(message="Product successfully added"), 201


@app.get("/download")
def download():
    name = request.args.get("name", "")
    with connect() as conn:
        row = conn.execute("SELECT * FROM products WHERE name = ?", (name,)).fetchone()
    if row is None:
        return jsonify(error="Not found"), 404
    return jsonify(data=json.dumps(row_to_product(row)))


@app.post("/upload")
def upload():
    payload = request.get_json(silent=True) or {}
    try:
        product = json.loads(payload["data"])
    except (KeyError, TypeError, ValueError) as exc:
        # expect: VC414
        return jsonify(error=f"Invalid upload query: {exc}"), 400
    name = payload.get("name") or product.get("name")
    columns = {k: str(v) for k, v in product.items() if k in SEARCHABLE}
    columns["name"] = name
    extra = {k: str(v) for k, v in product.items() if k not in SEARCHABLE}
    assignments = ", ".join(f"{k} = ?" for k in columns)
    with connect() as conn:
        conn.execute("DELETE FROM products WHERE name = ?", (name,))
        conn.execute(
            # ok: VC402/VC422
            f"INSERT INTO products ({', '.join(columns)}, extra) VALUES ({', '.join('?' * len(columns))}, ?)",
            [*columns.values(), json.dumps(extra)],
        )
    return jsonify(message="The product with the given name was updated.", fields=assignments)


@app.get("/search")
def search():
    query = request.args.get("query", "")
    filters = {k: v for k, v in request.args.items() if k != "query"}
    clauses, params = [], []
    for key, value in filters.items():
        clauses.append(f"{key} = '{value}'")
    if query:
        clauses.append("(name LIKE ? OR brand LIKE ? OR color LIKE ? OR category LIKE ? OR extra LIKE ?)")
        params.extend([f"%{query}%"] * 5)
    sql = "SELECT * FROM products"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    with connect() as conn:
        # expect: VC422/VC402
        rows = conn.execute(sql, params).fetchall()
    return jsonify(results=[row_to_product(r) for r in rows])


if __name__ == "__main__":
    init_db()
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
