"""Broker, database and partner settings."""

import os

import yaml

# expect: VC403
BROKER_URL = "amqp://ledger:Ledg3r-Pr0d!@rabbit.internal:5672/ledger"
# ok: VC403
DATABASE_URL = os.environ.get("LEDGER_DATABASE_URL", "postgresql://localhost/ledger")
EXPORT_DIR = os.environ.get("LEDGER_EXPORT_DIR", "/srv/ledger/exports")


def load_partners(path="partners.yaml"):
    with open(path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.Loader)


def load_partners_safe(path="partners.yaml"):
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh)
