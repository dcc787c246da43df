"""vibecheck: a guardrail linter for Python written by coding agents."""

__version__ = "0.1.0"
CACHE_DIR = ".vibecheck_cache"  # the result cache's folder at the project root (`vibecheck.cache`)
