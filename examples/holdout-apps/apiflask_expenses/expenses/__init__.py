"""Team expense tracker: submit expenses with receipts, managers approve them, finance exports them."""

from .app import create_app

__all__ = ["create_app"]
