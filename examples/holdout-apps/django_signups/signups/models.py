from django.conf import settings
from django.db import models


class EventFull(Exception):
    pass


class Event(models.Model):
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    capacity = models.PositiveIntegerField()
    organiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="events")

    def spots_left(self) -> int:
        return self.capacity - self.registrations.filter(status=Registration.CONFIRMED).count()

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    STATUS_CHOICES = [(CONFIRMED, "Confirmed"), (WAITLISTED, "Waitlisted")]

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=CONFIRMED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_user")]
