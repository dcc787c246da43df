import os

ADMIN_KEY = os.environ.get("ADMIN_KEY", "")


def admin_key_valid(key):
    # expect: VC216
    if ADMIN_KEY and key != ADMIN_KEY:
        return False
    return True
