"""Supplier price feed ingestion."""

__version__ = "0.3.0"
