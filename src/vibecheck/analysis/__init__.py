"""Analysis helpers that rules share: data flow, names, dependency declarations, source layout.

Only rules (and the project model they read) import this package; the core pipeline never does.
"""
