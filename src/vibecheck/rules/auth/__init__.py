"""VC2xx: auth and web-security rules."""
