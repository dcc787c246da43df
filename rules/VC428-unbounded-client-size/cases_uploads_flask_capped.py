"""VC428 corpus (Flask): an app whose `MAX_CONTENT_LENGTH` caps every request body reads uploads whole safely."""
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024


@app.post("/import")
def import_csv():
    # ok: VC428
    text = request.files["csv"].read().decode()
    return jsonify({"rows": text.count("\n")})
