import unittest
from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from signups.models import Event, Registration

User = get_user_model()


class SignupViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organiser = User.objects.create_user("org", "org@example.com", "pw-organiser")
        cls.user = User.objects.create_user("ann", "ann@example.com", "pw-ann")
        cls.event = Event.objects.create(
            title="PyCon meetup", starts_at=timezone.now() + timedelta(days=3), capacity=1, organiser=cls.organiser
        )

    def setUp(self):
        self.client.force_login(self.user)

    def test_signup_redirects(self):
        with mock.patch("signups.services.send_mail"):
            response = self.client.post(reverse("signup", args=[self.event.pk]))
        # ok: VC310
        self.assertRedirects(response, reverse("event-detail", args=[self.event.pk]), fetch_redirect_response=False)
        self.assertEqual(Registration.objects.get(user=self.user).status, Registration.CONFIRMED)

    # expect: VC303
    def test_signup_page_loads(self):
        self.client.post(reverse("signup", args=[self.event.pk]))

    def test_signup_twice(self):
        with mock.patch("signups.services.send_mail"):
            self.client.post(reverse("signup", args=[self.event.pk]))
            response = self.client.post(reverse("signup", args=[self.event.pk]))
        # expect: VC304/VC310
        self.assertTrue(response)

    def test_signup_twice_conflict(self):
        with mock.patch("signups.services.send_mail"):
            self.client.post(reverse("signup", args=[self.event.pk]))
            response = self.client.post(reverse("signup", args=[self.event.pk]))
        # ok: VC304, VC310
        self.assertEqual(response.status_code, 409)

    # expect: VC308
    def test_signup_sends_mail(self):
        with mock.patch("signups.services.send_mail") as send_mail:
            self.client.post(reverse("signup", args=[self.event.pk]))
        send_mail.assert_called()

    def test_signup_mail_recipient(self):
        with mock.patch("signups.services.send_mail") as send_mail:
            self.client.post(reverse("signup", args=[self.event.pk]))
        # ok: VC308
        send_mail.assert_called_once()
        self.assertEqual(send_mail.call_args.args[3], ["ann@example.com"])

    def test_second_user_waitlisted(self):
        other = User.objects.create_user("bob", "bob@example.com", "pw-bob")
        Registration.objects.create(event=self.event, user=other)
        with mock.patch("signups.services.send_mail"):
            self.client.post(reverse("signup", args=[self.event.pk]))
        count = Registration.objects.filter(event=self.event).count()
        # expect: VC304
        self.assertEqual(count, count)

    def test_cancel(self):
        Registration.objects.create(event=self.event, user=self.user)
        response = self.client.post(reverse("cancel", args=[self.event.pk]))
        # expect: VC304
        self.assertIn(response.status_code, [200, 400, 500])

    def test_cancel_without_registration(self):
        response = self.client.post(reverse("cancel", args=[self.event.pk]))
        data = response.json()
        # expect: VC311
        if data.get("error"):
            self.assertFalse(data["cancelled"])

    def test_attendees_only_for_organiser(self):
        response = self.client.get(reverse("attendees", args=[self.event.pk]))
        # ok: VC304
        self.assertEqual(response.status_code, 404)

    def test_attendee_names(self):
        Registration.objects.create(event=self.event, user=self.user)
        self.client.force_login(self.organiser)
        response = self.client.get(reverse("attendees", args=[self.event.pk]))
        # expect: VC311
        for name in response.json().get("names", []):
            self.assertTrue(name)

    # expect: VC306
    @unittest.skip("")
    def test_ical_export(self):
        response = self.client.get(reverse("ical", args=[self.event.pk]))
        self.assertEqual(response["Content-Type"], "text/calendar")

    # ok: VC306
    @unittest.skipUnless(hasattr(timezone, "zoneinfo"), "needs zoneinfo support")
    def test_detail_spots(self):
        response = self.client.get(reverse("event-detail", args=[self.event.pk]))
        self.assertEqual(response.json()["spots_left"], 1)

    def test_smoke(self):
        # expect: VC304
        self.assertTrue(True)
