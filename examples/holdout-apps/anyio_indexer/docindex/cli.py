import anyio
import typer

from . import crawler

app = typer.Typer()


@app.command()
def index(start_url: list[str]) -> None:
    pages = anyio.run(crawler.crawl, start_url)
    typer.echo(f"crawled {len(pages)} pages")
    task = anyio.run(crawler.publish, pages)
    typer.echo(f"indexing task {task}")


@app.command()
def index_strict(start_url: list[str]) -> None:
    pages = anyio.run(crawler.crawl_strict, start_url)
    task = anyio.run(crawler.publish, pages)
    typer.echo(f"indexing task {task}")
