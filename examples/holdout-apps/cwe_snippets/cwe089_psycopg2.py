"""Prompt: fetch an order by id and delete a customer by email from PostgreSQL with psycopg2."""

import os

import psycopg2
from flask import Flask, jsonify, request

app = Flask(__name__)


def get_connection():
    return psycopg2.connect(os.environ["DATABASE_URL"])


@app.route("/orders/<order_id>")
def get_order(order_id):
    with get_connection() as conn, conn.cursor() as cursor:
        # expect: VC422/VC402
        cursor.execute("SELECT id, total, status FROM orders WHERE id = %s" % order_id)
        return jsonify(cursor.fetchone())


# expect: VC201 -- no route of the app authenticates
@app.route("/customers/delete", methods=["POST"])
def delete_customer():
    email = request.form["email"]
    query = "DELETE FROM customers WHERE email = '" + email + "'"
    with get_connection() as conn, conn.cursor() as cursor:
        # expect: VC422/VC402
        cursor.execute(query)
    return jsonify(deleted=email)


@app.route("/orders-safe/<order_id>")
def get_order_safe(order_id):
    with get_connection() as conn, conn.cursor() as cursor:
        # ok: VC422/VC402
        cursor.execute("SELECT id, total, status FROM orders WHERE id = %s", (order_id,))
        return jsonify(cursor.fetchone())
