"""VC3xx: untested code and tests that cannot fail.

Not named `tests`: the default `test-paths` glob `tests/` would make vibecheck treat these modules as test files.
"""
