import os
import subprocess
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Dump the database to a compressed file"

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="/var/backups/helpdesk")

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        out = os.path.join(options["output_dir"], f"{db['NAME']}-{stamp}.sql.gz")
        cmd = f"pg_dump -h {db['HOST']} -U {db['USER']} {db['NAME']} | gzip > {out}"
        # expect: VC408, VC108
        subprocess.run(cmd, shell=True, env={**os.environ, "PGPASSWORD": db["PASSWORD"]})
        self.stdout.write(f"Backup written to {out}")


class VerifyCommand(BaseCommand):
    help = "List the tables of the backup"

    def handle(self, *args, **options):
        # ok: VC408, VC108
        subprocess.run(["pg_restore", "--list", options["file"]], check=True)
