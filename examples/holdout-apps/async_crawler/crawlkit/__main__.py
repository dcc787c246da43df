"""python -m crawlkit https://example.com --max-pages 200"""

import argparse
import asyncio
import logging

from .crawler import Crawler
from .sitemap import discover
from .storage import PageStore


async def amain(args: argparse.Namespace) -> None:
    seeds = list(args.seeds)
    if args.sitemaps:
        seeds += await discover(args.seeds)
    crawler = Crawler(seeds, PageStore(args.db), max_pages=args.max_pages, concurrency=args.concurrency)
    stats = await crawler.run()
    logging.getLogger("crawlkit").info("done: %s", stats)


def main() -> None:
    parser = argparse.ArgumentParser(prog="crawlkit")
    parser.add_argument("seeds", nargs="+")
    parser.add_argument("--db", default="pages.db")
    parser.add_argument("--max-pages", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--sitemaps", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    asyncio.run(amain(args))


if __name__ == "__main__":
    main()
