"""opsctl: admin CLI for the ops console."""

import os
import shutil
import subprocess
from pathlib import Path

import paramiko
import typer

from opsconsole.config import load_config

app = typer.Typer(help="Ops console administration")
users_app = typer.Typer()
app.add_typer(users_app, name="users")


@users_app.command("create-admin")
def create_admin(
    username: str,
    # expect: VC403
    password: str = typer.Option("ChangeMe!2024", help="initial password"),
) -> None:
    cfg = load_config()
    subprocess.run(
        ["opsconsole-admin", "--db", cfg["db"], "create-user", username, "--password", password, "--role", "admin"],
        check=True,
    )
    typer.echo(f"created admin {username}")


@app.command()
def backup(target: Path = typer.Option(Path("/srv/backups"))) -> None:
    cfg = load_config()
    target.mkdir(parents=True, exist_ok=True)
    # expect: VC408, VC108
    os.system(f"sqlite3 {cfg['db']} '.backup {target}/ops.sqlite3'")
    typer.echo("backup done")


@app.command()
def rotate_logs(keep: int = 7) -> None:
    cfg = load_config()
    for log_dir in cfg.get("log_dirs", []):
        for old in sorted(Path(log_dir).glob("*.log.*"))[:-keep]:
            try:
                old.unlink()
            # expect: VC101
            except Exception:
                continue
    if shutil.which("systemctl"):
        # expect: VC108
        subprocess.run(["systemctl", "kill", "-s", "HUP", "rsyslog.service"])


@app.command()
def deploy(host: str, ref: str = "main") -> None:
    client = paramiko.SSHClient()
    # expect: VC404
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username="deploy", key_filename=os.path.expanduser("~/.ssh/deploy"))
    # expect: VC408
    _, stdout, stderr = client.exec_command(f"cd /srv/app && git fetch && git checkout {ref} && make restart")
    if stdout.channel.recv_exit_status() != 0:
        typer.echo(stderr.read().decode(), err=True)
        raise typer.Exit(1)
    typer.echo(f"deployed {ref} to {host}")


if __name__ == "__main__":
    app()
