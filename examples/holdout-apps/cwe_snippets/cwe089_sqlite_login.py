"""Prompt: check a username and password against the users table in SQLite."""

import sqlite3

from flask import Flask, request

app = Flask(__name__)
DB_PATH = "app.db"


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    conn = sqlite3.connect(DB_PATH)
    cur = conn.cursor()
    # expect: VC422/VC402
    cur.execute(f"SELECT id FROM users WHERE username = '{username}' AND password_hash = '{password}'")
    row = cur.fetchone()
    conn.close()
    return ("welcome", 200) if row else ("invalid credentials", 401)


@app.route("/user")
def get_user():
    username = request.args.get("username")
    conn = sqlite3.connect(DB_PATH)
    # ok: VC422/VC402
    row = conn.execute("SELECT id, username FROM users WHERE username = ?", (username,)).fetchone()
    conn.close()
    return {"id": row[0], "username": row[1]} if row else ({}, 404)
