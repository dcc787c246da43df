import csv

from django.core.management.base import BaseCommand, CommandError

from tickets.models import Ticket


class Command(BaseCommand):
    help = "Import tickets from a CSV export of the old helpdesk"

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        created = 0
        with open(options["path"], newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    Ticket.objects.create(title=row["title"], description=row["body"],
                                          priority=int(row.get("priority") or 3), requester_id=int(row["user_id"]))
                    created += 1
                # expect: VC101/VC102
                except Exception:
                    continue
        if not created:
            raise CommandError("nothing imported")
        self.stdout.write(f"Imported {created} tickets")
