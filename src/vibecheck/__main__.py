"""`python -m vibecheck` runs the command line.

Python puts the current folder first on `sys.path` for `-m`, so a `click.py` or `bandit.py` planted in an
untrusted tree would be imported in place of the real one. The entry goes before anything else is
imported (`python -P`, `PYTHONSAFEPATH` or the `vibecheck` command never add it).
"""

import os
import sys

if not getattr(sys.flags, "safe_path", False) and sys.path and os.path.realpath(sys.path[0] or ".") == os.path.realpath("."):
    del sys.path[0]

from vibecheck.entry import main  # noqa: E402 -- the line above must run before any third-party import

if __name__ == "__main__":
    main()
