"""VC9xx: suppression hygiene. These rules are reported by the suppression stage, not by the walk."""
