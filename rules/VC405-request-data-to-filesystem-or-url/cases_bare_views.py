"""VC405 corpus: a view in a module that imports no web framework still takes the client's request when it reads
fields only a server's incoming request has (`request.GET`, `request.args`, `req.form`); a function handed an HTTP
client's outgoing request (its `url`, `headers`, `body`) or a request-named value of its own is not a view."""
import os
import shutil
from urllib.request import urlopen

REPORTS = "/srv/reports"


def download_report(request):
    name = request.GET["report"]
    # expect: VC405 -- Django's query string names the file
    with open(os.path.join(REPORTS, name), "rb") as handle:
        return handle.read()


def remove_avatar(request):
    # expect: VC405 -- Flask's query arguments name the file deleted
    os.unlink(request.args.get("avatar_path"))


def drop_folder(req):
    folder = req.form["folder"]
    # expect: VC405
    shutil.rmtree(folder)


def proxy_feed(request):
    # expect: VC405 -- the client picks the host the server fetches from
    return urlopen(request.POST["feed_url"]).read()


def cache_response(request, body):
    # ok: VC405 -- a client library's outgoing request: its URL is the program's own
    with open(os.path.join("/tmp/cache", request.url.rsplit("/", 1)[-1]), "wb") as handle:
        handle.write(body)


def replay(request):
    # ok: VC405 -- the same, fetched again
    return urlopen(request.url).read()


def store_headers(request):
    # ok: VC405 -- headers of an outgoing request, named by the program
    with open(request.headers["X-Trace-File"], "w") as handle:
        handle.write("sent")


def read_named_report(request):
    name = os.path.basename(request.GET["report"])
    if name not in os.listdir(REPORTS):
        raise FileNotFoundError(name)
    # ok: VC405 -- only a file that is already in the folder
    with open(os.path.join(REPORTS, name), "rb") as handle:
        return handle.read()
