import json
import unittest
from unittest import mock

from pydantic import ValidationError

from tests.conftest import job_payload
from tests.helpers import assert_dead_lettered
from worker.jobs import ThumbnailJob
from worker.main import Worker
from worker.settings import Settings, SettingsError


class SettingsFromEnvTest(unittest.TestCase):
    def setUp(self) -> None:
        patcher = mock.patch.dict("os.environ", {"WORKER_REDIS_URL": "redis://r", "WORKER_CALLBACK_SECRET": "s"}, clear=True)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_defaults(self) -> None:
        settings = Settings.from_env()
        self.assertEqual(settings.queue, "thumbnails")
        self.assertEqual(settings.allowed_callback_hosts, frozenset())

    def test_hosts_are_normalised(self) -> None:
        with mock.patch.dict("os.environ", {"WORKER_CALLBACK_HOSTS": " Hooks.Client.test , ,b.test"}):
            self.assertEqual(Settings.from_env().allowed_callback_hosts, frozenset({"hooks.client.test", "b.test"}))

    def test_missing_secret(self) -> None:
        with mock.patch.dict("os.environ", {"WORKER_CALLBACK_SECRET": ""}):
            with self.assertRaisesRegex(SettingsError, "WORKER_CALLBACK_SECRET must be set"):
                Settings.from_env()

    def test_secret_is_not_in_repr(self) -> None:
        self.assertNotIn("'s'", repr(Settings.from_env()))


class JobValidationTest(unittest.TestCase):
    def test_sizes_out_of_range(self) -> None:
        for sizes in ([8], [4096], [64] * 6):
            with self.subTest(sizes=sizes), self.assertRaises(ValidationError) as caught:
                ThumbnailJob.model_validate(job_payload(sizes=sizes))
            self.assertEqual(caught.exception.errors()[0]["loc"][0], "sizes")


async def test_unlisted_host_goes_to_dead_letters(settings, store, http) -> None:
    raw = json.dumps(job_payload(callback_url="https://elsewhere.test/x")).encode()
    await Worker(settings, store, http).handle(raw)
    assert_dead_lettered(store, raw)
