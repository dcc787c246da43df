"""Schema migration scripts: code that the operator runs once, on the values the script itself holds."""

from __future__ import annotations

import re

from vibecheck.patterns import lazy_pattern

# An Alembic revision binds `down_revision` at module level (Alembic's own template writes it).
_ALEMBIC_REVISION = lazy_pattern(r"^down_revision\s*[:=]", re.MULTILINE)


def is_alembic_revision(source: str) -> bool:
    """Whether a module's source is an Alembic revision script (`revision = ...`, `down_revision = ...`)."""
    return "down_revision" in source and _ALEMBIC_REVISION.search(source) is not None  # (the text first: cheaper)


# A Django migration module defines `class Migration(migrations.Migration)` (what `makemigrations` writes).
_DJANGO_MIGRATION = lazy_pattern(r"^class Migration\((?:migrations\.)?Migration\)", re.MULTILINE)


def is_django_migration(source: str) -> bool:
    """Whether a module's source is a Django migration, run once by `manage.py migrate` with the project's settings."""
    return "class Migration(" in source and _DJANGO_MIGRATION.search(source) is not None
