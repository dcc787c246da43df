"""Nightly payout sync between the marketplace ledger and the payment provider."""
