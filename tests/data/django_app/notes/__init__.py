"""The notes app."""
