"""VC210 corpus: `tools.sessions.*` keys in a module that imports no CherryPy are another tool's settings."""
PLUGIN_SETTINGS = {
    # ok: VC210 -- no CherryPy in this module
    "tools.sessions.on": True,
    # ok: VC210 -- no CherryPy in this module
    "tools.sessions.secure": False,
}
