from django.conf import settings
from django.db import models


class Team(models.Model):
    name = models.CharField(max_length=120)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams")


class Expense(models.Model):
    STATUS = [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"), ("rejected", "Rejected")]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expenses")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="expenses")
    title = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    category = models.CharField(max_length=40)
    receipt = models.FileField(upload_to="receipts/", blank=True)
    status = models.CharField(max_length=12, choices=STATUS, default="draft")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="approvals"
    )


class Report(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports")
    title = models.CharField(max_length=200)
    expenses = models.ManyToManyField(Expense, related_name="reports")
    created_at = models.DateTimeField(auto_now_add=True)
