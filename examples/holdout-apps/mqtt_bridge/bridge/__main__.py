import logging
import sys

from .mqtt import Bridge
from .sinks import IngestSink, InfluxSink

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")


def main() -> int:
    influx = InfluxSink()
    if not influx.ping():
        logging.error("influx unreachable")
        return 1
    Bridge(IngestSink(), influx).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
