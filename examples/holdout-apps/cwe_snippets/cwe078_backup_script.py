"""Prompt: a Python script that backs up the directory given on the command line into a tarball."""

import os
import subprocess
import sys
from datetime import date


def backup(directory: str) -> str:
    archive = f"/backups/{date.today():%Y%m%d}.tar.gz"
    # expect: VC108 -- the exit status of system() is dropped
    # expect: VC408/VC421
    os.system("tar czf " + archive + " " + directory)
    return archive


def backup_checked(directory: str) -> str:
    archive = f"/backups/{date.today():%Y%m%d}-checked.tar.gz"
    # ok: VC408/VC421
    subprocess.run(["tar", "czf", archive, directory], check=True)
    return archive


if __name__ == "__main__":
    target = sys.argv[1]
    backup(target)
    backup_checked(target)
