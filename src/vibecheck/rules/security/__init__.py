"""VC4xx: security smells that bandit misses."""
