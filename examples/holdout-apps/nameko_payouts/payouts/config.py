"""Service configuration, loaded the way `nameko run --config` would."""
import os

import yaml

# expect: VC403
AMQP_URI = "amqp://payouts:Payouts2024!@rabbitmq:5672/"
# ok: VC403
DB_URI = os.environ.get("PAYOUTS_DB_URI", "postgresql://localhost/payouts")
# ok: VC403
PROVIDER_KEY = os.environ["PAYOUT_PROVIDER_KEY"]
PROVIDER_URL = "https://api.payrails.example/v1/transfers"
WEBHOOK_HOSTS = {"hooks.partner.example", "ops.partner.example"}


def load_rules(path="rules.yaml"):
    with open(path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.Loader)


def load_limits(path="limits.yaml"):
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh)
