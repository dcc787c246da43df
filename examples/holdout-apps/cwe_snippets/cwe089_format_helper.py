"""Prompt: a product search that filters by category, with the query built in a helper."""

import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def build_query(category: str) -> str:
    return "SELECT name, price FROM products WHERE category = '{}'".format(category)


def run_query(sql: str) -> list:
    with sqlite3.connect("shop.db") as conn:
        # expect: VC422/VC402/VC417
        return conn.execute(sql).fetchall()


@app.route("/products")
def products():
    category = request.args.get("category", "all")
    return jsonify(run_query(build_query(category)))


@app.route("/products-safe")
def products_safe():
    category = request.args.get("category", "all")
    with sqlite3.connect("shop.db") as conn:
        # ok: VC422/VC402
        rows = conn.execute("SELECT name, price FROM products WHERE category = :c", {"c": category}).fetchall()
    return jsonify(rows)
