"""VC422 corpus: column names taken from the keys of a client's dict, kept or not by an allow-list."""
import sqlite3

from flask import Flask, request

app = Flask(__name__)
COLUMNS = {"name", "brand", "color"}


def connect():
    return sqlite3.connect("catalog.db")


@app.post("/products")
def add_product():
    data = request.get_json()
    columns = {k: str(v) for k, v in data.items() if k in COLUMNS}
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    # ok: VC422 -- the keys passed the allow-list; the values are bound parameters
    connect().execute(f"INSERT INTO products ({names}) VALUES ({marks})", list(columns.values()))
    return {"ok": True}


@app.patch("/products/<name>")
def update_product(name):
    data = request.get_json()
    changes = {key: value for key, value in data.items() if key in {"brand", "color"}}
    changes["name"] = name
    assignments = ", ".join(f"{key} = ?" for key in changes)
    # ok: VC422
    connect().execute(f"UPDATE products SET {assignments} WHERE name = ?", [*changes.values(), name])
    return {"ok": True}


@app.post("/products/raw")
def add_product_raw():
    data = request.get_json()
    columns = {k: str(v) for k, v in data.items()}
    # expect: VC422 -- every key the client sends becomes a column name
    connect().execute(f"INSERT INTO products ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                      list(columns.values()))
    return {"ok": True}


@app.post("/products/mirrored")
def add_product_mirrored():
    data = request.get_json()
    columns = {k: v for k, v in data.items() if k in request.args}
    # expect: VC422 -- kept by another of the client's dicts: still the client's names
    connect().execute(f"INSERT INTO products ({', '.join(columns)}) VALUES (?)", list(columns.values()))
    return {"ok": True}


@app.post("/products/extended")
def add_product_extended():
    data = request.get_json()
    columns = {k: v for k, v in data.items() if k in COLUMNS}
    columns[request.args["extra"]] = ""
    # expect: VC422 -- a key the client named was added after the allow-list
    connect().execute(f"INSERT INTO products ({', '.join(columns)}) VALUES (?)", list(columns.values()))
    return {"ok": True}
