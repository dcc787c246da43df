"""Integrations with other tools: bandit."""
