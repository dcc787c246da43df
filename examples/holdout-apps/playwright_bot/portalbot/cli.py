import asyncio
from pathlib import Path

import click
from playwright.sync_api import sync_playwright

from . import async_runner
from .login import download_invoices, login
from .selenium_report import scrape_report


@click.group()
def main() -> None:
    """Supplier-portal automation."""


@main.command()
@click.option("--out", type=click.Path(file_okay=False), default="invoices")
def invoices(out: str) -> None:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    for path in download_invoices(target):
        click.echo(path)


@main.command()
@click.argument("url")
@click.option("--output", "-o", default="page.png", help="Where to write the screenshot.")
def screenshot(url: str, output: str) -> None:
    """Log in and screenshot any page of the portal."""
    with sync_playwright() as p:
        browser = p.chromium.launch()
        page = browser.new_page()
        login(page)
        page.goto(url)
        # ok: VC405 -- the operator's own argument
        page.screenshot(path=output, full_page=True)
        browser.close()


@main.command()
@click.argument("script", type=click.Path(exists=True, dir_okay=False))
def legacy(script: str) -> None:
    for row in scrape_report(script):
        click.echo("\t".join(row))


@main.command()
@click.option("--portal", "portals", multiple=True, required=True, help="name=url")
def check(portals: tuple[str, ...]) -> None:
    mapping = dict(p.split("=", 1) for p in portals)
    for result in asyncio.run(async_runner.main(mapping)):
        click.echo(f"{result['portal']}: {result['status']}")
