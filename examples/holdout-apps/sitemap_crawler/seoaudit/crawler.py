"""Breadth-first site crawler that records what an SEO audit needs per page."""

from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

from .fetch import get_page, polite_session


@dataclass
class PageReport:
    url: str
    status: int
    title: str = ""
    description: str = ""
    h1: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)


def extract(url: str, html: str) -> tuple[PageReport, list[str]]:
    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(strip=True) if soup.title else ""
    meta = soup.find("meta", attrs={"name": "description"})
    report = PageReport(url=url, status=200, title=title, description=meta.get("content", "") if meta else "",
                        h1=[h.get_text(strip=True) for h in soup.find_all("h1")])
    links = []
    for a in soup.find_all("a", href=True):
        link, _ = urldefrag(urljoin(url, a["href"]))
        if link.startswith(("http://", "https://")):
            links.append(link)
    return report, links


def crawl(start_url: str, max_pages: int = 200) -> list[PageReport]:
    """Follow every link found, wherever it points."""
    queue, seen, reports = deque([start_url]), {start_url}, []
    while queue and len(reports) < max_pages:
        url = queue.popleft()
        resp = get_page(url)
        if "text/html" not in resp.headers.get("content-type", ""):
            continue
        report, links = extract(resp.url, resp.text)
        report.status = resp.status_code
        reports.append(report)
        for link in links:
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return reports


def crawl_same_site(start_url: str, max_pages: int = 200) -> list[PageReport]:
    """Only pages on the start URL's host, through a session with bounded retries."""
    host = urlparse(start_url).hostname
    session = polite_session()
    queue, seen, reports = deque([start_url]), {start_url}, []
    while queue and len(reports) < max_pages:
        url = queue.popleft()
        resp = session.get(url, timeout=15, allow_redirects=False)
        if resp.status_code != 200 or "text/html" not in resp.headers.get("content-type", ""):
            continue
        report, links = extract(url, resp.text)
        reports.append(report)
        for link in links:
            if urlparse(link).hostname == host and link not in seen:
                seen.add(link)
                queue.append(link)
    return reports
