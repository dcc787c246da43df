from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from .models import Expense, Team


class ExpenseViewTests(TestCase):
    def setUp(self):
        user_model = get_user_model()
        self.ann = user_model.objects.create_user("ann", password="ann-pass-123")
        self.team = Team.objects.create(name="Sales")
        self.team.members.add(self.ann)
        self.expense = Expense.objects.create(
            owner=self.ann, team=self.team, title="Taxi", amount=Decimal("23.50"), category="travel"
        )

    def test_list_requires_login(self):
        response = self.client.get(reverse("expense-list"))
        self.assertEqual(response.status_code, 302)

    def test_reject_needs_finance_group(self):
        self.client.login(username="ann", password="ann-pass-123")
        response = self.client.post(reverse("expense-reject", args=[self.expense.pk]))
        self.assertEqual(response.status_code, 403)
