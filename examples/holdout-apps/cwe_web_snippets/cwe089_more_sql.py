"""Prompt: unsubscribe an email, report sales with pandas, and count users with SQLAlchemy."""

import mysql.connector
import pandas as pd
from flask import Flask, jsonify, request
from sqlalchemy import create_engine

app = Flask(__name__)
engine = create_engine("sqlite:///sales.db")


def get_db():
    return mysql.connector.connect(host="localhost", user="app", database="newsletter")


@app.route("/unsubscribe")
def unsubscribe():
    email = request.args.get("email")
    db = get_db()
    cursor = db.cursor()
    # expect: VC422/VC402
    cursor.execute("DELETE FROM subscribers WHERE email = '" + email + "'")
    db.commit()
    return "unsubscribed"


@app.route("/sales")
def sales():
    region = request.args["region"]
    # expect: VC422/VC402
    frame = pd.read_sql(f"SELECT day, total FROM sales WHERE region = '{region}'", engine)
    return frame.to_json()


@app.route("/sales-safe")
def sales_safe():
    region = request.args["region"]
    # ok: VC422/VC402
    frame = pd.read_sql("SELECT day, total FROM sales WHERE region = %(region)s", engine, params={"region": region})
    return frame.to_json()


@app.route("/count")
def count():
    table = request.args.get("status", "active")
    with engine.connect() as conn:
        # expect: VC422/VC402
        n = conn.exec_driver_sql(f"SELECT COUNT(*) FROM users WHERE status = '{table}'").scalar()
    return jsonify(count=n)
