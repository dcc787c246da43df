import logging

import paramiko
import requests

from .config import UPLOAD_TOKEN

log = logging.getLogger(__name__)
# expect: VC403 -- hard-coded database password
DB_PASSWORD = "Backup#Pr0d-2024!"


def upload(path: str, url: str) -> None:
    with open(path, "rb") as fh:
        # expect: VC404, VC106 -- verify=False and no timeout
        resp = requests.put(url, data=fh, headers={"Authorization": f"Bearer {UPLOAD_TOKEN}"}, verify=False)
    resp.raise_for_status()


def ssh_copy(host: str, user: str, path: str) -> None:
    client = paramiko.SSHClient()
    # expect: VC404 -- auto-accepts unknown host keys (VC404 reports SSH host-key policies since round 41)
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username=user)
    sftp = client.open_sftp()
    sftp.put(path, f"/backups/{path.rsplit('/', 1)[-1]}")
    client.close()


def ssh_copy_known(host: str, user: str, path: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: VC404 -- rejects unknown hosts
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=user)
    client.open_sftp().put(path, f"/backups/{path.rsplit('/', 1)[-1]}")
    client.close()


def notify(webhook: str | None, text: str) -> None:
    if not webhook:
        return
    try:
        # expect: VC107 -- forgotten: status unchecked
        requests.post(webhook, json={"text": text}, timeout=5)
    # expect: VC101/VC102/VC103 -- broad except returning None silently
    except Exception:
        return None
