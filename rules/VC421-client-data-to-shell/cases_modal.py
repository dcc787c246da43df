"""VC421 corpus: a Modal web endpoint's parameters (`item: dict` of a POST, a GET's query parameters) are the client's;
a plain `@app.function()` takes what its Python caller passes."""
import subprocess

import modal

app = modal.App("media")


@app.function()
@modal.fastapi_endpoint(method="POST")
def transcode(item: dict):
    # expect: VC421
    subprocess.run(f"ffmpeg -i {item['source']} /tmp/out.mp4", shell=True, check=True)


@app.function()
@modal.web_endpoint()
def probe(path: str):
    # expect: VC421
    return subprocess.getoutput("ffprobe " + path)


@app.function()
@modal.fastapi_endpoint(method="POST")
def transcode_listed(item: dict):
    # ok: VC421 -- an argument list runs no shell
    subprocess.run(["ffmpeg", "-i", item["source"], "/tmp/out.mp4"], check=True)


@app.function()
def transcode_job(source: str):
    # ok: VC421 -- called with `.remote()` by the project's own code
    subprocess.run(f"ffmpeg -i {source} /tmp/out.mp4", shell=True, check=True)
