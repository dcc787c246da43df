"""Where telemetry goes: the ingest HTTP API and InfluxDB."""

import logging
import queue
import threading
import time

import httpx
from influxdb_client import InfluxDBClient, Point
from influxdb_client.client.write_api import SYNCHRONOUS

from .config import BATCH_SIZE, INFLUX_BUCKET, INFLUX_ORG, INFLUX_TOKEN, INFLUX_URL, INGEST_URL

logger = logging.getLogger(__name__)


class SinkError(Exception):
    pass


class IngestSink:
    def __init__(self) -> None:
        self.http = httpx.Client(timeout=5)
        self.buffer: "queue.Queue[dict]" = queue.Queue(maxsize=10_000)
        self.stop = threading.Event()

    def post_batch(self, points: list[dict]) -> int:
        resp = self.http.post(INGEST_URL, json={"points": points})
        # expect: VC107 -- a 429 or a 503 from ingest is counted as written
        return len(points) if resp.content else 0

    def post_batch_checked(self, points: list[dict]) -> int:
        # ok: VC107 -- is_success read before the count is trusted
        resp = self.http.post(INGEST_URL, json={"points": points})
        if not resp.is_success:
            raise SinkError(f"ingest answered {resp.status_code}")
        return len(points)

    def flush_loop(self) -> None:
        # ok: VC114 -- the event is set by close()
        while not self.stop.is_set():
            batch = []
            try:
                while len(batch) < BATCH_SIZE:
                    batch.append(self.buffer.get(timeout=1))
            except queue.Empty:
                pass
            if not batch:
                continue
            try:
                self.post_batch_checked(batch)
            # expect: VC101/VC102 -- the batch is lost with a log line and the loop goes on
            except Exception as exc:
                logger.error("dropping %d points: %s", len(batch), exc)

    def start(self) -> None:
        # expect: VC113 -- the flusher's thread is never joined and its death goes unnoticed
        threading.Thread(target=self.flush_loop, name="ingest-flush", daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.http.close()


class InfluxSink:
    def __init__(self) -> None:
        self.client = InfluxDBClient(url=INFLUX_URL, token=INFLUX_TOKEN, org=INFLUX_ORG)
        self.write_api = self.client.write_api(write_options=SYNCHRONOUS)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def write(self, sensor: str, values: dict) -> None:
        point = Point("telemetry").tag("sensor", sensor)
        for field, value in values.items():
            point = point.field(field, float(value))
        self.write_api.write(bucket=INFLUX_BUCKET, record=point)

    def _run_backfill(self, rows: list[tuple[str, dict]]) -> None:
        try:
            for sensor, values in rows:
                self.write(sensor, values)
        except BaseException as exc:
            self._error = exc
            raise

    def backfill(self, rows: list[tuple[str, dict]]) -> None:
        # ok: VC113 -- joined in wait_backfill, which re-raises the worker's error
        self._thread = threading.Thread(target=self._run_backfill, args=(rows,))
        self._thread.start()

    def wait_backfill(self, timeout: float = 300) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
        if self._error is not None:
            raise SinkError("backfill failed") from self._error

    def ping(self) -> bool:
        started = time.monotonic()
        try:
            return self.client.ping()
        finally:
            logger.debug("influx ping took %.3fs", time.monotonic() - started)
