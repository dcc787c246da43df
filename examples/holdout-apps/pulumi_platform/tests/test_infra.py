import unittest
from unittest.mock import patch

import pulumi


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        return [args.name + "_id", args.inputs]

    def call(self, args):
        return {}


pulumi.runtime.set_mocks(Mocks())

from infra import storage  # noqa: E402


class StorageTests(unittest.TestCase):
    @pulumi.runtime.test
    # expect: VC303
    def test_uploads_bucket_created(self):
        bucket = storage.uploads_bucket("test")
        return bucket.bucket.apply(lambda name: None)

    def test_assets_bucket(self):
        bucket = storage.assets_bucket("test")
        # expect: VC310
        self.assertTrue(bucket)


class RotateTests(unittest.TestCase):
    def test_rotate(self):
        with patch("scripts.rotate_keys.iam") as iam, patch("scripts.rotate_keys.secrets") as secrets:
            iam.list_access_keys.return_value = {"AccessKeyMetadata": []}
            iam.create_access_key.return_value = {"AccessKey": {"AccessKeyId": "AK", "SecretAccessKey": "SK"}}
            from scripts.rotate_keys import rotate

            rotate("ci-deploy")
            secrets.put_secret_value.assert_called_once()

    # expect: VC306
    @unittest.skip("")
    def test_cleanup(self):
        from scripts.cleanup import stale_snapshots

        self.assertEqual(stale_snapshots(30), [])
