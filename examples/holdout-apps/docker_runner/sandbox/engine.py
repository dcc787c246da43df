"""Thin wrapper around the docker SDK."""

from __future__ import annotations

import logging
import shlex

import docker
from docker.errors import APIError, ImageNotFound, NotFound
from docker.models.containers import Container

from .settings import settings

log = logging.getLogger(__name__)

client = docker.from_env()
# expect: VC418/VC404
build_host = docker.DockerClient(base_url="tcp://build-01.internal:2375", tls=False)
secure_build_host = docker.DockerClient(
    base_url="tcp://build-02.internal:2376",
    # ok: VC418/VC404
    tls=docker.tls.TLSConfig(client_cert=("/etc/docker/cert.pem", "/etc/docker/key.pem"), verify="/etc/docker/ca.pem"),
)


def run_job(image: str, command: str, env: dict[str, str] | None = None) -> Container:
    return client.containers.run(
        image,
        command,
        environment=env or {},
        detach=True,
        mem_limit="512m",
        network_disabled=True,
        remove=False,
    )


def run_tool(image: str, command: str) -> bytes:
    """Run a tooling container that needs to talk to the host daemon (docker-in-docker builds)."""
    # expect: VC421/VC417
    return client.containers.run(
        image,
        command,
        privileged=True,
        volumes={"/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"}},
        remove=True,
    )


def exec_in(container_id: str, cmd: str) -> tuple[int, bytes]:
    container = client.containers.get(container_id)
    # expect: VC408/VC421/VC417
    result = container.exec_run(f"sh -c '{cmd}'")
    return result.exit_code, result.output


def list_dir(container_id: str, path: str) -> bytes:
    container = client.containers.get(container_id)
    # ok: VC408
    return container.exec_run(["ls", "-la", "--", path]).output


def cat_file(container_id: str, path: str) -> bytes:
    container = client.containers.get(container_id)
    # ok: VC408
    return container.exec_run("cat -- " + shlex.quote(path)).output


def stop_quietly(container_id: str) -> None:
    try:
        client.containers.get(container_id).remove(force=True)
    # expect: VC101
    except (APIError, NotFound):
        pass


def pull(image: str) -> None:
    try:
        client.images.pull(image)
    # ok: VC101
    except ImageNotFound:
        log.warning("image %s not found", image)
        raise
