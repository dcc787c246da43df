from django.core.management.base import BaseCommand

from orders.tasks import expire_open_orders


class Command(BaseCommand):
    help = "Cancel open orders older than --days days"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    # ok: VC301
    def handle(self, *args, **options):
        count = expire_open_orders.run(options["days"])
        self.stdout.write(f"cancelled {count} orders")
