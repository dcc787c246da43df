"""`python -m vibecheck` runs the command line."""

from vibecheck.cli import main

main()
