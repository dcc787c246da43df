from django.conf import settings
from django.db import models


class Ticket(models.Model):
    STATUS = [("open", "Open"), ("pending", "Pending"), ("closed", "Closed")]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tickets")
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned"
    )
    subject = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=STATUS, default="open")
    created = models.DateTimeField(auto_now_add=True)


class Message(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()
    attachment = models.CharField(max_length=255, blank=True)
    internal_note = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    def as_dict(self) -> dict:
        return {
            "id": self.pk,
            "author": self.author.get_username(),
            "body": self.body,
            "attachment": self.attachment,
            "created": self.created.isoformat(),
        }
