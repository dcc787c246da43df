import subprocess
import sys
from pathlib import Path

import click

from .config import load_config
from .notify import notify_slack
from .storage import s3, upload_bounded, upload_with_retry


@click.group()
def main() -> None:
    """Upload build artefacts to S3."""


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--bucket", required=True)
@click.option("--prefix", default="")
def upload(folder: str, bucket: str, prefix: str) -> None:
    uploaded = 0
    for path in Path(folder).rglob("*"):
        if not path.is_file():
            continue
        key = f"{prefix}{path.relative_to(folder).as_posix()}"
        try:
            s3.upload_file(str(path), bucket, key)
            uploaded += 1
        # expect: VC101
        except Exception:
            pass
    notify_slack(f"uploaded {uploaded} files to s3://{bucket}/{prefix}")


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--bucket", required=True)
def archive(folder: str, bucket: str) -> None:
    out = f"/tmp/{Path(folder).name}.tar.gz"
    # expect: VC408, VC108
    subprocess.run(f"tar czf {out} {folder}", shell=True)
    upload_with_retry(out, bucket, Path(out).name)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--bucket", required=True)
def archive_safe(folder: str, bucket: str) -> None:
    out = f"/tmp/{Path(folder).name}.tar.gz"
    # ok: VC408
    subprocess.run(["tar", "czf", out, folder], check=True)
    upload_bounded(out, bucket, Path(out).name)


@main.command()
def show_config() -> None:
    config = load_config()
    click.echo(config)
    if not config.get("bucket"):
        click.echo("no default bucket configured", err=True)
        sys.exit(1)
