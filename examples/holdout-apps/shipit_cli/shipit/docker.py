"""Building and pushing the release image."""

import subprocess

import click


def build(image: str, version: str, context: str = ".") -> None:
    cmd = f"docker build -t {image}:{version} -t {image}:latest {context}"
    # expect: VC408
    subprocess.check_call(cmd, shell=True)


def login(registry: str, user: str, password: str, verbose: bool = False) -> None:
    if verbose:
        # expect: VC407
        click.echo(f"docker login {registry} -u {user} -p {password}")
    subprocess.run(["docker", "login", registry, "-u", user, "--password-stdin"], input=password.encode(),
                   check=True)


def push(image: str, tags: list[str]) -> list[str]:
    failed = []
    with click.progressbar(tags, label="Pushing tags") as bar:
        for t in bar:
            try:
                subprocess.run(["docker", "push", f"{image}:{t}"], check=True, capture_output=True)
            # expect: VC101
            except Exception:
                pass
    return failed


def push_reporting(image: str, tags: list[str]) -> list[str]:
    failed = []
    with click.progressbar(tags, label="Pushing tags") as bar:
        for t in bar:
            try:
                subprocess.run(["docker", "push", f"{image}:{t}"], check=True, capture_output=True)
            # ok: VC101
            except subprocess.CalledProcessError as exc:
                failed.append(t)
                click.echo(f"push of {t} failed: {exc.stderr.decode(errors='replace')}", err=True)
    return failed
