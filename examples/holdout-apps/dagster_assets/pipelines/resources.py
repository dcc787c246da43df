"""Dagster resources: the warehouse (duckdb), the events API, and a pickle IO manager on shared storage."""

from __future__ import annotations

import os
import pickle

import duckdb
import requests
from dagster import ConfigurableIOManager, ConfigurableResource, EnvVar, InputContext, OutputContext


class EventsApi(ConfigurableResource):
    base_url: str = "https://events.internal.example.com"
    # expect: VC403
    api_key: str = "evt_live_9c1d7a0b5e3f42a8b6c4d2e0f1a3b5c7"
    # expect: VC404
    verify_tls: bool = False

    def fetch(self, path: str, **params) -> list[dict]:
        # expect: VC106
        resp = requests.get(
            f"{self.base_url}{path}",
            params=params,
            headers={"X-Api-Key": self.api_key},
            verify=self.verify_tls,
        )
        resp.raise_for_status()
        return resp.json()["data"]


class CheckedEventsApi(ConfigurableResource):
    base_url: str
    api_key: str

    def fetch(self, path: str, **params) -> list[dict]:
        # ok: VC404/VC106/VC107
        resp = requests.get(f"{self.base_url}{path}", params=params, headers={"X-Api-Key": self.api_key}, timeout=30)
        resp.raise_for_status()
        return resp.json()["data"]


class Warehouse(ConfigurableResource):
    path: str = "/data/warehouse.duckdb"

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(self.path)


class SharedPickleIOManager(ConfigurableIOManager):
    """Keeps intermediate frames on the team NFS share so notebooks can pick them up."""

    root: str = "/mnt/team-share/dagster"

    def _path(self, context) -> str:
        return os.path.join(self.root, *context.asset_key.path) + ".pkl"

    def handle_output(self, context: OutputContext, obj) -> None:
        os.makedirs(os.path.dirname(self._path(context)), exist_ok=True)
        with open(self._path(context), "wb") as fh:
            pickle.dump(obj, fh)

    def load_input(self, context: InputContext):
        with open(self._path(context), "rb") as fh:
            # expect: VC406
            return pickle.load(fh)


def checked_events_api() -> CheckedEventsApi:
    # ok: VC403
    return CheckedEventsApi(base_url=EnvVar("EVENTS_API_URL"), api_key=EnvVar("EVENTS_API_KEY"))
