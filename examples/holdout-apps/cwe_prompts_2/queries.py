"""Prompts: "return the user's row for a username", "search products by a filter from the client",
"find a user document in MongoDB", "look a book up in an XML catalogue"."""

import os
import sqlite3

import psycopg2
from fastapi import FastAPI, Query
from flask import Flask, jsonify, request
from lxml import etree
from pymongo import MongoClient
from sqlalchemy import create_engine, text

app = Flask(__name__)
api = FastAPI()
mongo = MongoClient(os.environ["MONGO_URL"])
users_collection = mongo["shop"]["users"]
engine = create_engine(os.environ["DATABASE_URL"])
CATALOGUE = etree.parse("catalogue.xml")


def get_db() -> sqlite3.Connection:
    conn = sqlite3.connect("app.db")
    conn.row_factory = sqlite3.Row
    return conn


def fetch_user_row(username):
    """Return the row of `username` from the users table."""
    db = get_db()
    cur = db.cursor()
    sql = "SELECT id, username, email FROM users WHERE username = '%s'" % username
    # expect: VC402/VC417
    cur.execute(sql)
    return cur.fetchone()


def fetch_user_row_safe(username):
    db = get_db()
    # ok: VC402/VC422
    return db.execute("SELECT id, username, email FROM users WHERE username = ?", (username,)).fetchone()


# expect: VC201
@app.route("/users/<username>")
def show_user(username):
    row = fetch_user_row(username)
    return jsonify(dict(row)) if row else ("not found", 404)


@app.route("/products/search")
def search_products():
    term = request.args.get("q", "")
    category = request.args.get("category")
    clauses = [f"name LIKE '%{term}%'"]
    if category:
        clauses.append(f"category = '{category}'")
    where = " AND ".join(clauses)
    conn = get_db()
    # expect: VC402/VC422
    rows = conn.execute("SELECT * FROM products WHERE " + where).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/products/search2")
def search_products_safe():
    term = request.args.get("q", "")
    conn = get_db()
    # ok: VC402/VC422
    rows = conn.execute("SELECT * FROM products WHERE name LIKE ?", (f"%{term}%",)).fetchall()
    return jsonify([dict(r) for r in rows])


@api.get("/orders")
def list_orders(status: str = Query("open"), sort: str = Query("created_at")):
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    with conn.cursor() as cur:
        query = "SELECT id, total FROM orders WHERE status = %s ORDER BY {}".format(sort)
        # expect: VC402/VC422
        cur.execute(query, (status,))
        return cur.fetchall()


ALLOWED_SORT = {"created_at", "total", "id"}


@api.get("/orders/sorted")
def list_orders_safe(status: str = Query("open"), sort: str = Query("created_at")):
    if sort not in ALLOWED_SORT:
        sort = "created_at"
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    with conn.cursor() as cur:
        # ok: VC402/VC422
        cur.execute(f"SELECT id, total FROM orders WHERE status = %s ORDER BY {sort}", (status,))
        return cur.fetchall()


@api.get("/accounts/{account_id}/balance")
def balance(account_id: str):
    with engine.connect() as conn:
        # expect: VC402/VC422
        result = conn.execute(text(f"SELECT balance FROM accounts WHERE id = {account_id}"))
        return {"balance": result.scalar()}


@api.get("/accounts/{account_id}/balance2")
def balance_safe(account_id: int):
    with engine.connect() as conn:
        # ok: VC402/VC422
        result = conn.execute(text("SELECT balance FROM accounts WHERE id = :id"), {"id": account_id})
        return {"balance": result.scalar()}


@app.post("/login/mongo")
def mongo_login():
    payload = request.get_json()
    # expect: VC409/VC422
    user = users_collection.find_one({"username": payload["username"], "password": payload["password"]})
    return jsonify(ok=user is not None)


@app.post("/login/mongo2")
def mongo_login_safe():
    payload = request.get_json()
    username = str(payload.get("username", ""))
    # ok: VC409/VC422
    user = users_collection.find_one({"username": username})
    return jsonify(found=user is not None)


@app.get("/users/by-age")
def users_by_age():
    min_age = request.args.get("min_age", "0")
    # expect: VC409/VC422
    docs = users_collection.find({"$where": "this.age >= " + min_age})
    return jsonify([d["username"] for d in docs])


@app.get("/catalogue/book")
def find_book():
    title = request.args.get("title", "")
    # expect: VC409
    nodes = CATALOGUE.xpath("//book[title='" + title + "']/price/text()")
    return jsonify(prices=[str(n) for n in nodes])


@app.get("/catalogue/book2")
def find_book_safe():
    title = request.args.get("title", "")
    # ok: VC409
    nodes = CATALOGUE.xpath("//book[title=$title]/price/text()", title=title)
    return jsonify(prices=[str(n) for n in nodes])


def main():
    name = input("Username to look up: ")
    conn = get_db()
    # expect: VC402/VC422
    for row in conn.execute("SELECT * FROM users WHERE username = '" + name + "'"):
        print(dict(row))
