"""tenantctl: admin CLI for tenants, users, billing sync and backups."""

import csv
import hashlib
import logging
import pickle
import secrets
import subprocess
from datetime import date
from pathlib import Path

import bcrypt
import typer
from sqlalchemy import text

from . import billing
from .db import Session, engine

app = typer.Typer(help="Tenant administration")
log = logging.getLogger("tenantctl")
CACHE = Path.home() / ".cache" / "tenantctl" / "plans.pickle"


@app.command()
def create_user(tenant: str, email: str, password: str = typer.Option(..., prompt=True, hide_input=True)):
    """Create a user in a tenant."""
    # expect: VC205
    digest = hashlib.sha256(password.encode()).hexdigest()
    with Session.begin() as session:
        session.execute(
            text("INSERT INTO users (tenant_slug, email, password_hash) VALUES (:t, :e, :p)"),
            {"t": tenant, "e": email, "p": digest},
        )
    typer.echo(f"created {email} in {tenant}")


@app.command()
def reset_password(email: str, password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True)):
    """Reset a user's password."""
    # ok: VC205
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()
    with Session.begin() as session:
        session.execute(text("UPDATE users SET password_hash = :p WHERE email = :e"), {"p": hashed, "e": email})


@app.command()
def issue_token(email: str):
    """Issue an API token for a user."""
    token = secrets.token_urlsafe(32)
    with Session.begin() as session:
        session.execute(
            text("UPDATE users SET api_token_hash = :h WHERE email = :e"),
            {"h": hashlib.sha256(token.encode()).hexdigest(), "e": email},
        )
    # expect: VC407
    log.info("issued API token %s for %s", token, email)
    typer.echo(token)


@app.command()
def prune_users(tenant: str, before: str):
    """Delete users of a tenant created before a date (YYYY-MM-DD)."""
    with Session.begin() as session:
        # expect: VC402
        result = session.execute(text(f"DELETE FROM users WHERE tenant_slug = '{tenant}' AND created_at < '{before}'"))
    typer.echo(f"deleted {result.rowcount} users")


@app.command()
def list_users(tenant: str, since: str = "1970-01-01"):
    """List the users of a tenant."""
    with Session() as session:
        # ok: VC402
        rows = session.execute(
            text("SELECT email, created_at FROM users WHERE tenant_slug = :t AND created_at >= :s").bindparams(
                t=tenant, s=date.fromisoformat(since)
            )
        ).all()
    for email, created in rows:
        typer.echo(f"{email}\t{created:%Y-%m-%d}")


@app.command()
def sync_billing(tenant: str):
    """Pull the tenant's plan from the billing provider."""
    try:
        sub = billing.fetch_subscription(tenant)
    # expect: VC104
    except Exception as exc:
        typer.echo(f"billing sync failed: {exc}")
        return
    with Session.begin() as session:
        session.execute(text("UPDATE tenants SET plan = :p WHERE slug = :s"), {"p": sub["plan"], "s": tenant})
    typer.echo(f"{tenant}: {sub['plan']}")


@app.command()
def cancel(tenant: str):
    """Cancel the tenant's subscription and suspend it."""
    try:
        billing.cancel_subscription(tenant)
    # ok: VC101/VC104
    except Exception as exc:
        typer.echo(f"cancel failed: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    with Session.begin() as session:
        session.execute(text("UPDATE tenants SET suspended = true WHERE slug = :s"), {"s": tenant})


@app.command()
def cached_plans():
    """Show the plan catalogue cached by the last sync."""
    with CACHE.open("rb") as fh:
        # expect: VC406
        plans = pickle.load(fh)
    for name, price in plans.items():
        typer.echo(f"{name}: {price}")


@app.command()
def backup(out_dir: Path = Path("backups")):
    """Dump the tenants database with pg_dump."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"tenants-{date.today():%Y%m%d}.dump"
    # expect: VC108
    subprocess.run(["pg_dump", "--format=custom", "--file", str(target), str(engine.url)])
    typer.echo(f"wrote {target}")


@app.command()
def restore(dump: Path):
    """Restore a dump made by `backup`."""
    # ok: VC108/VC408
    subprocess.run(["pg_restore", "--clean", "--dbname", str(engine.url), str(dump)], check=True)


@app.command()
def export_tenant(tenant: str, out: Path):
    """Export a tenant's users to CSV."""
    with Session() as session, out.open("w", newline="") as fh:
        rows = session.execute(
            text("SELECT email, created_at, password_hash FROM users WHERE tenant_slug = :t"), {"t": tenant}
        ).all()
        writer = csv.writer(fh)
        writer.writerow(["email", "created_at", "password_hash"])
        writer.writerows(rows)
    typer.echo(f"exported {len(rows)} users to {out}")


if __name__ == "__main__":
    app()
