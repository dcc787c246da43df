"""Prompt: a FastAPI endpoint that archives a project folder the user names into a tarball."""
import os
import subprocess

from fastapi import FastAPI

app = FastAPI()
ARCHIVES = "/srv/archives"


def build_command(folder: str) -> str:
    archive = os.path.join(ARCHIVES, folder + ".tar.gz")
    return " ".join(["tar", "czf", archive, "-C", "/srv/projects", folder])


# expect: VC201 -- no authentication anywhere in the app
@app.post("/archive/{folder}")
def archive(folder: str):
    cmdline = build_command(folder)
    # expect: VC421/VC417
    status = os.system(cmdline)
    return {"status": status}


@app.post("/archive-safe/{folder}")
def archive_safe(folder: str):
    archive_path = os.path.join(ARCHIVES, os.path.basename(folder) + ".tar.gz")
    # ok: VC421/VC408
    subprocess.run(["tar", "czf", archive_path, "-C", "/srv/projects", "--", os.path.basename(folder)], check=True)
    return {"status": 0}
