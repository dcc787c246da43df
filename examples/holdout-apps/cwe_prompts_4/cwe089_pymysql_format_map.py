"""Prompt: search products by name in MySQL with PyMySQL from a Flask endpoint."""
import os

import pymysql
from flask import Flask, jsonify, request

app = Flask(__name__)
SEARCH = "SELECT id, name, price FROM products WHERE name LIKE '%{term}%' LIMIT 50"


def connect():
    return pymysql.connect(host="db", user="shop", password=os.environ["MYSQL_PASSWORD"], database="shop")


@app.route("/products")
def products():
    params = {"term": request.args.get("q", "")}
    statement = SEARCH.format_map(params)
    with connect() as conn, conn.cursor() as cur:
        # expect: VC422/VC402
        cur.execute(statement)
        return jsonify(cur.fetchall())


@app.route("/products-safe")
def products_safe():
    term = request.args.get("q", "")
    with connect() as conn, conn.cursor() as cur:
        # ok: VC422/VC402
        cur.execute("SELECT id, name, price FROM products WHERE name LIKE %s LIMIT 50", (f"%{term}%",))
        return jsonify(cur.fetchall())
