"""Link previews for URLs pasted into notes."""
import re

import httpx

TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class LinkPreviewer:
    def __init__(self):
        self.client = httpx.Client(timeout=5, follow_redirects=True)

    def fetch(self, url):
        # sink: CWE-918
        return self.client.get(url).text

    def preview(self, url):
        html = self.fetch(url)
        match = TITLE.search(html)
        return {"url": url, "title": match.group(1).strip() if match else url}


def preview_link(url):
    return LinkPreviewer().preview(url)
