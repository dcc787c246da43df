# expect: VC302
import csv
import sys

from django.core.management.base import BaseCommand

from orders.models import Order


class Command(BaseCommand):
    help = "Write every order as CSV to stdout"

    def handle(self, *args, **options):
        writer = csv.writer(sys.stdout)
        for order in Order.objects.order_by("pk").iterator():
            writer.writerow([order.pk, order.customer_id, order.status, order.total_cents])
