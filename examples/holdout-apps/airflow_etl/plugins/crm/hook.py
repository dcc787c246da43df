"""A small hook for the CRM's REST API, configured through an Airflow connection."""

from __future__ import annotations

import logging

import requests
from airflow.hooks.base import BaseHook

log = logging.getLogger(__name__)


class CrmHook(BaseHook):
    conn_name_attr = "crm_conn_id"
    default_conn_name = "crm_default"
    conn_type = "http"
    hook_name = "CRM"

    def __init__(self, crm_conn_id: str = default_conn_name) -> None:
        super().__init__()
        self.crm_conn_id = crm_conn_id

    def get_conn(self) -> requests.Session:
        conn = self.get_connection(self.crm_conn_id)
        session = requests.Session()
        session.auth = (conn.login, conn.password)
        # expect: VC404
        session.verify = False
        self.base_url = f"https://{conn.host}"
        # expect: VC407
        log.info("connecting to CRM as %s with password %s", conn.login, conn.password)
        return session

    def get_contacts(self, updated_since: str) -> list[dict]:
        session = self.get_conn()
        # expect: VC106
        resp = session.get(f"{self.base_url}/contacts", params={"updated_since": updated_since})
        resp.raise_for_status()
        return resp.json()["items"]

    def push_segment(self, name: str, ids: list[int]) -> None:
        session = self.get_conn()
        # expect: VC107
        session.post(f"{self.base_url}/segments/{name}", json={"ids": ids}, timeout=30)

    def push_segment_checked(self, name: str, ids: list[int]) -> None:
        session = self.get_conn()
        # ok: VC107/VC106
        resp = session.post(f"{self.base_url}/segments/{name}", json={"ids": ids}, timeout=30)
        resp.raise_for_status()
