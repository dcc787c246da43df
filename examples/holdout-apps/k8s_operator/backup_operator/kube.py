"""Kubernetes client setup shared by the handlers."""

from __future__ import annotations

import logging
import os
import time

from kubernetes import client, config
from kubernetes.client.rest import ApiException

log = logging.getLogger(__name__)

# expect: VC403
CLUSTER_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjVqbXh0In0.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJl"
CLUSTER_HOST = "https://10.20.0.1:6443"


def load_config() -> None:
    """In-cluster config when running as a pod, the local kubeconfig otherwise."""
    try:
        config.load_incluster_config()
    except config.ConfigException:
        config.load_kube_config(context=os.environ.get("KUBE_CONTEXT"))


def remote_api() -> client.ApiClient:
    """Client for the staging cluster, which uses a self-signed certificate."""
    configuration = client.Configuration()
    configuration.host = CLUSTER_HOST
    configuration.api_key = {"authorization": "Bearer " + CLUSTER_TOKEN}
    # expect: VC404
    configuration.verify_ssl = False
    return client.ApiClient(configuration)


def local_dev_api() -> client.CoreV1Api:
    config.load_kube_config()
    cfg = client.Configuration.get_default_copy()
    # expect: VC404
    cfg.verify_ssl = False
    client.Configuration.set_default(cfg)
    return client.CoreV1Api()


def token_api() -> client.ApiClient:
    # ok: VC403
    token = os.environ["KUBE_TOKEN"]
    configuration = client.Configuration()
    configuration.host = os.environ.get("KUBE_HOST", CLUSTER_HOST)
    configuration.api_key = {"authorization": f"Bearer {token}"}
    configuration.ssl_ca_cert = os.environ.get("KUBE_CA_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")
    # ok: VC404
    configuration.verify_ssl = True
    return client.ApiClient(configuration)


def read_secret(core: client.CoreV1Api, name: str, namespace: str) -> dict[str, str] | None:
    try:
        secret = core.read_namespaced_secret(name, namespace)
    # ok: VC101
    except ApiException as exc:
        if exc.status == 404:
            return None
        raise
    return dict(secret.data or {})


def delete_pod_quietly(core: client.CoreV1Api, name: str, namespace: str) -> None:
    try:
        core.delete_namespaced_pod(name, namespace)
    # expect: VC101
    except ApiException:
        pass


def wait_for_pod(core: client.CoreV1Api, name: str, namespace: str) -> str:
    """Block until the pod has left Pending."""
    # expect: VC109
    while True:
        try:
            pod = core.read_namespaced_pod(name, namespace)
            if pod.status.phase != "Pending":
                return pod.status.phase
        except ApiException as exc:
            log.warning("reading pod %s failed: %s", name, exc.reason)
        time.sleep(2)


def wait_for_pod_bounded(core: client.CoreV1Api, name: str, namespace: str, attempts: int = 60) -> str:
    # ok: VC109
    for _ in range(attempts):
        pod = core.read_namespaced_pod(name, namespace)
        if pod.status.phase != "Pending":
            return pod.status.phase
        time.sleep(2)
    raise TimeoutError(f"pod {namespace}/{name} still pending")
