"""vibecheck: a guardrail linter for Python written by coding agents."""

__version__ = "0.1.0"
