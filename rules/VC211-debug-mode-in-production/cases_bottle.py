"""VC211 corpus: Bottle's server started in debug mode."""

import os

import bottle
from bottle import Bottle, run

app = Bottle()


@app.get("/")
def index():
    return {"status": "ok"}


if __name__ == "__main__":
    # expect: VC211
    run(app, host="127.0.0.1", port=8080, debug=True, reloader=True)
    # expect: VC211
    bottle.run(app, debug=True)
    # expect: VC211 -- on wherever the variable is unset
    run(app, debug=os.getenv("BOTTLE_DEBUG", "1") == "1")
    # ok: VC211
    run(app, debug=os.environ.get("BOTTLE_DEBUG") == "1")
    # ok: VC211
    run(app, host="127.0.0.1", port=8080, reloader=True)
