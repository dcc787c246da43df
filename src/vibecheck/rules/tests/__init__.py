"""VC3xx: untested code and tests that cannot fail."""
