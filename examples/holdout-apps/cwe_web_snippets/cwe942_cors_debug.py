"""Prompt: a Flask API that the React front end on another port can call with cookies."""

from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
# expect: VC209
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)


@app.route("/api/health")
def health():
    return jsonify(ok=True)


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=5000, debug=True)
