"""VC211 corpus: debug switched on through a dict of options the call unpacks or the settings writer takes whole."""

import os

from flask import Flask

SETTINGS = {"DEBUG": True, "JSON_SORT_KEYS": False}
QUIET_SETTINGS = {"DEBUG": False, "JSON_SORT_KEYS": False}
ENV_SETTINGS = {"DEBUG": os.environ.get("FLASK_DEBUG") == "1"}
SERVER = {"host": "0.0.0.0", "port": 8000}
LOCAL_SETTINGS = {"DEBUG": True, "JSON_SORT_KEYS": False}
LOCAL_SETTINGS["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
DEV_SERVER = {"host": "127.0.0.1", "debug": True}
DEV_SERVER.update(debug=os.environ.get("FLASK_DEBUG") == "1")

app = Flask(__name__)
# expect: VC211
app.config.from_mapping(SETTINGS)
# expect: VC211
app.config.update(**SETTINGS)
# expect: VC211 -- a literal dict handed over whole
app.config.update({"DEBUG": True})
# ok: VC211
app.config.from_mapping(QUIET_SETTINGS)
# ok: VC211
app.config.update(ENV_SETTINGS)
# ok: VC211 -- the module rewrites the entry from the environment
app.config.from_mapping(LOCAL_SETTINGS)

if __name__ == "__main__":
    options = {"host": "0.0.0.0", "port": 8000, "debug": True}
    quiet = dict(host="0.0.0.0", port=8000, debug=False)
    # expect: VC211
    app.run(**options)
    # ok: VC211
    app.run(**quiet)
    # ok: VC211
    app.run(**SERVER)
    # ok: VC211 -- follows the environment
    app.run(**SERVER, debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: VC211 -- the dict's switch is rewritten from the environment
    app.run(**DEV_SERVER)
