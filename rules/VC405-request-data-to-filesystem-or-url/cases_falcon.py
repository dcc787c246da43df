"""VC405 corpus: a Falcon resource's responders take the fields their URL template captured after `req` and `resp`."""
import os
import uuid

import falcon

STORAGE_DIR = "/srv/files"


class RawDownload:
    def on_get(self, req, resp, name):
        path = os.path.join(STORAGE_DIR, name)
        # expect: VC405
        resp.stream = open(path, "rb")


class ItemFiles:
    def on_delete_item(self, req, resp, name):
        # expect: VC405
        os.remove(os.path.join(STORAGE_DIR, name))


class Mirror:
    def on_post(self, req, resp, folder):
        # expect: VC405
        with open(os.path.join(STORAGE_DIR, folder, "mirror.bin"), "wb") as out:
            out.write(req.bounded_stream.read(1024))


class StoredDownload:
    def on_get(self, req, resp, name):
        stored = os.path.basename(name)
        # ok: VC405 -- the base name keeps it inside the folder
        resp.stream = open(os.path.join(STORAGE_DIR, stored), "rb")


class Upload:
    def on_post(self, req, resp):
        # ok: VC405 -- a name the server made
        with open(os.path.join(STORAGE_DIR, uuid.uuid4().hex), "wb") as out:
            out.write(req.bounded_stream.read(1024))


class Archive:
    def rotate(self, req, resp, name):
        # ok: VC405 -- not a responder: the app calls it with its own file names
        os.rename(os.path.join(STORAGE_DIR, name), os.path.join(STORAGE_DIR, name + ".1"))


app = falcon.App()
app.add_route("/raw/{name}", RawDownload())
app.add_route("/files/{name}", ItemFiles(), suffix="item")
app.add_route("/mirror/{folder}", Mirror())
app.add_route("/stored/{name}", StoredDownload())
app.add_route("/upload", Upload())
