from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from orders.models import Order
from orders.tasks import recalculate_total, send_receipt


class OrderViewTests(TestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("ann", "ann@example.com", "pw-for-tests")
        self.client.force_login(self.user)
        self.order = Order.objects.create(customer=self.user, total_cents=1200)

    def test_list_shows_own_orders(self):
        resp = self.client.get(reverse("orders:list"))
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(resp.json()["orders"], [{"id": self.order.pk, "status": "open"}])

    def test_detail(self):
        resp = self.client.get(reverse("orders:detail", args=[self.order.pk]))
        self.assertEqual(resp.json()["total_cents"], 1200)

    def test_cancel_paid_order_refused(self):
        self.order.status = Order.Status.PAID
        with self.assertRaises(ValueError):
            self.order.cancel()


class TaskTests(TestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("bob", "bob@example.com", "pw-for-tests")
        self.order = Order.objects.create(customer=self.user, total_cents=500)

    def test_send_receipt_mails_customer(self):
        result = send_receipt.apply(args=[self.order.pk]).get()
        self.assertEqual(result, "bob@example.com")
        self.assertEqual(len(mail.outbox), 1)

    @mock.patch("orders.tasks.Order.objects")
    def test_recalculate_total(self, objects):
        objects.get.return_value.lines.all.return_value = []
        self.assertEqual(recalculate_total.delay(self.order.pk).get(), 0)

    def test_close_stale_orders_command(self):
        out = mock.Mock()
        call_command("close_stale_orders", days=0, stdout=out)
        out.write.assert_called_once()
        self.order.refresh_from_db()
        self.assertEqual(self.order.status, Order.Status.CANCELLED)
