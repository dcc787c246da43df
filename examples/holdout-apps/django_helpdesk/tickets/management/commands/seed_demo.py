from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from tickets.models import Ticket


class Command(BaseCommand):
    help = "Create a demo admin and a few tickets for local development"

    def handle(self, *args, **options):
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            # expect: VC403
            User.objects.create_superuser("admin", "admin@helpdesk.local", "Admin@12345")
        admin = User.objects.get(username="admin")
        for i in range(5):
            Ticket.objects.get_or_create(title=f"Demo ticket {i}", defaults={"description": "demo",
                                                                              "requester": admin})
        self.stdout.write(self.style.SUCCESS("Seeded demo data"))
