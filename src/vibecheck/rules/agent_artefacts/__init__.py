"""VC5xx: the artefacts coding agents leave behind (placeholders, invented imports, debug leftovers)."""
