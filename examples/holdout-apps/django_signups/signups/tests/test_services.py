import smtplib
from datetime import timedelta
from io import StringIO
from unittest import mock

import requests
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings
from django.utils import timezone

from signups import services
from signups.models import Event, EventFull, Registration

User = get_user_model()


class ServiceTests(TestCase):
    def setUp(self):
        self.organiser = User.objects.create_user("org", "org@example.com", "pw")
        self.user = User.objects.create_user("ann", "ann@example.com", "pw")
        self.event = Event.objects.create(
            title="Sprint", starts_at=timezone.now() + timedelta(hours=12), capacity=2, organiser=self.organiser
        )

    def test_register_twice_raises(self):
        services.register(self.event, self.user)
        # ok: VC305
        with self.assertRaisesMessage(EventFull, "already registered"):
            services.register(self.event, self.user)

    def test_register_twice_anything(self):
        services.register(self.event, self.user)
        # expect: VC305
        with self.assertRaises(Exception):
            services.register(self.event, self.user)

    def test_confirmation_failure(self):
        registration = services.register(self.event, self.user)
        with mock.patch("signups.services.send_mail", side_effect=smtplib.SMTPException("down")) as send_mail:
            services.send_confirmation(registration)
        try:
            self.assertEqual(send_mail.call_count, 1)
        # expect: VC305
        except AssertionError:
            pass

    @override_settings(SLACK_WEBHOOK_URL="https://hooks.slack.com/services/T/B/X")
    # expect: VC308
    def test_notify_slack(self):
        with mock.patch("signups.services.requests.post") as post:
            services.notify_slack(self.event, "hello")
        post.assert_called_once()

    @override_settings(SLACK_WEBHOOK_URL="https://hooks.slack.com/services/T/B/X")
    def test_notify_slack_payload(self):
        with mock.patch("signups.services.requests.post") as post:
            post.return_value.raise_for_status.return_value = None
            services.notify_slack_checked(self.event, "hello")
        # ok: VC308
        post.assert_called_once_with(
            "https://hooks.slack.com/services/T/B/X", json={"text": "[Sprint] hello"}, timeout=5
        )

    def test_calendar_sync_counts_failures(self):
        with mock.patch("signups.services.push_calendar_event", side_effect=[None, requests.Timeout()]):
            synced = services.sync_to_calendar([self.event, self.event])
        # ok: VC304, VC310
        self.assertEqual(synced, 1)

    def test_promote_waitlist(self):
        other = User.objects.create_user("bob", "bob@example.com", "pw")
        Registration.objects.create(event=self.event, user=other, status=Registration.WAITLISTED)
        with mock.patch("signups.services.send_mail"):
            promoted = services.promote_waitlist(self.event)
        # expect: VC310
        self.assertIsNotNone(promoted)

    def test_reminder_command(self):
        services.register(self.event, self.user)
        out = StringIO()
        with mock.patch("signups.management.commands.send_reminders.send_reminder"):
            call_command("send_reminders", stdout=out)
        # ok: VC310
        self.assertIn("sent 1 reminders", out.getvalue())

    def test_reminder_command_strict(self):
        services.register(self.event, self.user)
        with mock.patch(
            "signups.management.commands.send_reminders.send_reminder", side_effect=smtplib.SMTPException("x")
        ):
            # ok: VC305
            with self.assertRaises(CommandError):
                call_command("send_reminders", "--strict", stdout=StringIO())

    # expect: VC303
    def test_export_ical(self):
        services.export_ical(self.event)
