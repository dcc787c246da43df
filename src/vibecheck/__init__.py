"""vibecheck: a guardrail linter for Python written by coding agents."""

__version__ = "0.1.0"
# The folder at a project's root where runs keep their results (`vibecheck.cache`); named here, where the start of a
# command (`vibecheck.preload`) can look for it without importing the cache's code.
CACHE_DIR = ".vibecheck_cache"
