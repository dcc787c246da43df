"""Shop overview (Flask): merchants register and log in (cookie session), upload their wares as CSV, and anyone
browses the wares in a price range as an HTML table."""

import csv
import io

from flask import Flask, abort, jsonify, request, session
from markupsafe import escape

import db

app = Flask(__name__)
# expect: VC203
app.secret_key = "shop-overview-secret"
# expect: VC210
app.config.update(SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SECURE=False)


@app.post("/merchants/register")
def register():
    data = request.get_json(silent=True) or {}
    if not all(data.get(k) for k in ("email", "name", "password")):
        return jsonify({"error": "Invalid input"}), 400
    if db.find_merchant(data["email"]) is not None:
        return jsonify({"error": "Invalid input"}), 400
    db.create_merchant(data["email"], data["name"], data["password"])
    return jsonify({"message": "Merchant registered successfully"}), 201


@app.post("/merchants/login")
def login():
    data = request.get_json(silent=True) or {}
    merchant = db.find_merchant(data.get("email", ""))
    # expect: VC204/VC410
    if merchant is None or merchant["password"] != data.get("password"):
        return jsonify({"error": "Invalid email or password"}), 401
    session["merchant_id"] = merchant["id"]
    return jsonify({"message": "Login successful"})


@app.post("/merchants/upload-wares")
def upload_wares():
    merchant_id = session.get("merchant_id")
    if merchant_id is None:
        return jsonify({"error": "Unauthorized"}), 401
    text = (request.get_json(silent=True) or {}).get("csv", "")
    wares = []
    for row in csv.reader(io.StringIO(text)):
        if len(row) != 3:
            return jsonify({"error": "Invalid CSV format"}), 400
        name, description, price = row
        try:
            wares.append((name, description, float(price)))
        except ValueError:
            return jsonify({"error": "Invalid CSV format"}), 400
    db.add_wares(merchant_id, wares)
    return jsonify({"message": "Wares uploaded successfully"})


@app.get("/wares")
def wares():
    rows = db.wares_between(request.args.get("minPrice"), request.args.get("maxPrice"))
    table = "<table><tr><th>Name</th><th>Description</th><th>Price</th><th>Merchant</th></tr>"
    for w in rows:
        table += f"<tr><td>{w['name']}</td><td>{w['description']}</td><td>{w['price']}</td><td>{w['email']}</td></tr>"
    # expect: VC411/VC427
    return table + "</table>"


@app.get("/v2/wares")
def wares_v2():
    rows = db.wares_between_v2(request.args.get("minPrice", type=float), request.args.get("maxPrice", type=float))
    cells = "".join(
        f"<tr><td>{escape(w['name'])}</td><td>{escape(w['description'])}</td>"
        f"<td>{w['price']:.2f}</td><td>{escape(w['email'])}</td></tr>"
        for w in rows
    )
    # ok: VC411/VC427
    return f"<table><tr><th>Name</th><th>Description</th><th>Price</th><th>Merchant</th></tr>{cells}</table>"


@app.delete("/wares/<int:ware_id>")
def delete_ware(ware_id):
    if session.get("merchant_id") is None:
        abort(401)
    # expect: VC214
    db.delete_ware(ware_id)
    return jsonify({"message": "deleted"})


@app.delete("/v2/wares/<int:ware_id>")
def delete_ware_v2(ware_id):
    merchant_id = session.get("merchant_id")
    if merchant_id is None:
        abort(401)
    # ok: VC214
    if db.delete_own_ware(ware_id, merchant_id) == 0:
        abort(404)
    return jsonify({"message": "deleted"})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
