"""A small pastebin service on Robyn."""
