"""VC408 corpus (aliases): a shell runner called through a name bound only to it, or to a `partial` fixing
`shell=True`, is that runner's call."""
import functools
import shlex
import subprocess

_sh = functools.partial(subprocess.run, shell=True, check=True)  # the module's shell runner


def thumbnail(filename):
    run = subprocess.run
    # expect: VC408 -- `run` is `subprocess.run`, bound once
    run(f"convert {filename} -resize 128x128 thumb.png", shell=True, check=True)


def archive(folder):
    # expect: VC408 -- `_sh` fixes `shell=True`
    _sh(f"tar czf out.tgz {folder}")


def archive_quoted(folder):
    # ok: VC408 -- quoted for the shell
    _sh("tar czf out.tgz " + shlex.quote(folder))


def listing():
    run = subprocess.run
    # ok: VC408 -- a literal command line
    run("ls -la", shell=True, check=True)


def archive_as_words(folder):
    run = functools.partial(subprocess.run, check=True)
    # ok: VC408 -- no shell: the partial fixes only `check`
    run(["tar", "czf", "out.tgz", folder])


def rebound(folder, dry_run):
    run = subprocess.run
    if dry_run:
        run = print
    # ok: VC408 -- `run` may be `print`
    run(f"tar czf out.tgz {folder}", shell=True)


class Builder:
    """Runs `make` through the runner it keeps."""

    def __init__(self):
        self._run = subprocess.check_output

    def build(self, target):
        # expect: VC408 -- `self._run` is `subprocess.check_output` in every method
        return self._run(f"make {target}", shell=True)
