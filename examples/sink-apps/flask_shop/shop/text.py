"""Review text cleanup."""
import re

import bleach


def clean_review(text):
    # sink: CWE-116
    return re.sub(r"<script.*?>.*?</script>", "", text, flags=re.IGNORECASE | re.DOTALL)


def clean_review_safe(text):
    # safe: CWE-116
    return bleach.clean(text, tags={"b", "i", "p"}, strip=True)
