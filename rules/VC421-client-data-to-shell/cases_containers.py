"""VC421 corpus (containers and pods): a client's text as the script of a shell started in a container or a pod, or as
the image and command of a container that is handed the host."""
import shlex

import docker
from flask import Flask, request
from kubernetes import client as k8s
from kubernetes.stream import stream

app = Flask(__name__)
docker_client = docker.from_env()
ALLOWED_IMAGES = {"python:3.12-slim"}


@app.post("/containers/<container_id>/exec")
def exec_in_container(container_id):
    container = docker_client.containers.get(container_id)
    # expect: VC421
    container.exec_run(f"sh -c '{request.json['cmd']}'")
    # expect: VC421
    container.exec_run(["bash", "-c", request.json["cmd"]])
    # ok: VC421 -- quoted for the shell
    container.exec_run(["sh", "-c", "ls -la " + shlex.quote(request.json["path"])])
    # ok: VC421 -- a later word of a fixed program
    container.exec_run(["ls", "-la", "--", request.json["path"]])
    # ok: VC421 -- docker splits the line into words: `cat` stays the program
    container.exec_run("cat " + request.json["path"])
    # expect: VC421 -- the client's whole line: its first word is the program
    container.exec_run(request.json["cmd"])
    return "ok"


@app.post("/containers/<container_id>/alias")
def exec_through_a_containers_method(container_id):
    run_in = docker_client.containers.get(container_id).exec_run
    # expect: VC421 -- `run_in` is the container's `exec_run`
    run_in(["sh", "-c", f"ls {request.json['dir']}"])
    read = docker_client.containers.get(container_id).logs
    # ok: VC421 -- `read` is the container's `logs`, no command
    return read(tail=int(request.json["lines"]))


@app.post("/pods/<name>/exec")
def exec_in_pod(name):
    core = k8s.CoreV1Api()
    # expect: VC421
    stream(core.connect_get_namespaced_pod_exec, name, "default", command=["/bin/sh", "-c", request.json["script"]],
           stdout=True, stderr=True, stdin=False, tty=False)
    # ok: VC421 -- the pod runs the words as they are, the program fixed
    stream(core.connect_get_namespaced_pod_exec, name, "default", command=["cat", request.json["file"]], stdout=True)
    return "ok"


@app.post("/builds")
def start_build():
    body = request.get_json()
    # expect: VC421 -- a privileged container runs as root on the host
    docker_client.containers.run(body["image"], body["command"], privileged=True, remove=True)
    # expect: VC421 -- the daemon's socket mounted hands over the host
    docker_client.containers.run("docker:27-cli", body["command"],
                                 volumes={"/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"}})
    if body["image"] not in ALLOWED_IMAGES:
        return "image not allowed", 400
    # ok: VC421 -- an unprivileged sandbox of an allowed image: running the client's code is what it is for
    docker_client.containers.run(body["image"], body["command"], network_disabled=True, mem_limit="256m")
    return "ok"
