"""A small stock ledger: receipts, shipments, FIFO valuation and low-stock alerts."""

from stockledger.ledger import InsufficientStock, Ledger, Movement
from stockledger.valuation import fifo_cost, reorder_point

__all__ = ["InsufficientStock", "Ledger", "Movement", "fifo_cost", "reorder_point"]
