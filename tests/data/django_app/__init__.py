"""A small, well-kept Django notes app: test data for VC201 precision (never imported or run)."""
