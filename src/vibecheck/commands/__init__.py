"""Subcommands of `vibecheck` beyond `check`, one module each, registered in `vibecheck.cli`."""
