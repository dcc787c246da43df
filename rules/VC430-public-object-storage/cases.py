"""VC430 corpus: public ACLs, grants, policies, containers and long-lived signed URLs fire; private ones do not."""
import json
from datetime import datetime, timedelta, timezone

import boto3
from azure.storage.blob import BlobServiceClient, PublicAccess, generate_blob_sas
from google.cloud import storage

s3 = boto3.client("s3")
BUCKET = "acme-uploads"
PUBLIC = "public-read"
PRIVATE = "private"
WEEK = 604800


def upload_avatar(user_id, data):
    # expect: VC430
    s3.put_object(Bucket=BUCKET, Key=f"avatars/{user_id}.png", Body=data, ACL="public-read")


def upload_avatar_through_constant(user_id, data):
    # expect: VC430
    s3.put_object(Bucket=BUCKET, Key=f"avatars/{user_id}.png", Body=data, ACL=PUBLIC)


def upload_shared(path, key):
    # expect: VC430
    s3.upload_file(path, BUCKET, key, ExtraArgs={"ACL": "public-read-write", "ContentType": "text/csv"})


def upload_stream(stream, key):
    resource = boto3.resource("s3")
    # expect: VC430
    resource.Object(BUCKET, key).put(Body=stream, ACL="authenticated-read")


def open_existing(key):
    # expect: VC430
    s3.put_object_acl(Bucket=BUCKET, Key=key, ACL="public-read")


def make_bucket(name):
    # expect: VC430
    s3.create_bucket(Bucket=name, ACL="public-read")


def direct_upload_form(key):
    return s3.generate_presigned_post(
        BUCKET, key,
        # expect: VC430
        Fields={"acl": "public-read"},
        # expect: VC430
        Conditions=[{"acl": "public-read"}],
        ExpiresIn=600,
    )


def upload_with_header(session, url, data):
    # expect: VC430
    return session.put(url, data=data, headers={"x-amz-acl": "public-read"})


def legacy_boto_key(key):
    # expect: VC430
    key.set_acl("public-read")
    # expect: VC430
    key.set_contents_from_string("report", policy="public-read")


def publish_gcs(name, text):
    blob = storage.Client().bucket(BUCKET).blob(name)
    blob.upload_from_string(text)
    # expect: VC430
    blob.make_public()
    # expect: VC430
    storage.Client().bucket(BUCKET).blob(name).upload_from_string(text, predefined_acl="publicRead")
    return blob.public_url


def open_gcs_bucket(bucket):
    # expect: VC430
    bucket.make_public(recursive=True, future=True)
    # expect: VC430
    bucket.acl.all().grant_read()
    # expect: VC430
    bucket.default_object_acl.all_authenticated().grant_read()
    bucket.acl.save()


def iam_binding(bucket):
    policy = bucket.get_iam_policy(requested_policy_version=3)
    # expect: VC430
    policy.bindings.append({"role": "roles/storage.objectViewer", "members": {"allUsers"}})
    bucket.set_iam_policy(policy)


def iam_member_add(policy, messages):
    # expect: VC430
    policy["roles/storage.objectViewer"].add("allAuthenticatedUsers")
    # expect: VC430
    policy.bindings[0]["members"].append("allUsers")
    # expect: VC430
    return messages.Binding(members=["allUsers"], role="roles/storage.objectViewer")


# ok: VC430
ANONYMOUS_MEMBER = "allUsers"


# ok: VC430
def add_binding(resource, member="allUsers", role="roles/viewer"):
    return resource, member, role


def is_public(policy, binding_in_policy):
    # ok: VC430
    return binding_in_policy(policy, "allUsers", "roles/storage.objectViewer")


def open_bucket_policy(name):
    statement = {
        "Effect": "Allow",
        # expect: VC430
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{name}/*",
    }
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]}))


def open_bucket_policy_aws_principal(name):
    # expect: VC430
    policy = {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:*", "Resource": name}]}
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))


def azure_container(service: BlobServiceClient):
    # expect: VC430
    service.create_container("reports", public_access="container")
    container = service.get_container_client("exports")
    # expect: VC430
    container.set_container_access_policy(signed_identifiers={}, public_access=PublicAccess.Blob)


def share_link(key):
    # expect: VC430
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=604800)


def share_link_arithmetic(key):
    # expect: VC430
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=7 * 24 * 3600)


def share_link_constant(key):
    # expect: VC430
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=WEEK)


def gcs_link(blob):
    # expect: VC430
    return blob.generate_signed_url(version="v4", expiration=timedelta(days=7), method="GET")


def azure_link(account, key, name):
    return generate_blob_sas(account, "exports", name, account_key=key,
                             # expect: VC430
                             expiry=datetime.now(timezone.utc) + timedelta(days=365))


class MediaStorage:
    # expect: VC430
    default_acl = "public-read"
    file_overwrite = False


# expect: VC430
AWS_DEFAULT_ACL = "public-read"


def private_uploads(user_id, data, key, path):
    # ok: VC430
    s3.put_object(Bucket=BUCKET, Key=key, Body=data, ACL="private")
    # ok: VC430
    s3.put_object(Bucket=BUCKET, Key=key, Body=data, ACL=PRIVATE)
    # ok: VC430
    s3.upload_file(path, BUCKET, key, ExtraArgs={"ACL": "bucket-owner-full-control"})
    # ok: VC430
    s3.put_object(Bucket=BUCKET, Key=key, Body=data, ServerSideEncryption="aws:kms")
    # ok: VC430
    storage.Client().bucket(BUCKET).blob(key).upload_from_string(data, predefined_acl="projectPrivate")


def checks_not_sets(acl, grant):
    # ok: VC430
    if acl == "public-read":
        raise ValueError("public objects are not allowed")
    # ok: VC430
    return grant["Grantee"].get("URI") != "allUsers"


def short_links(key, blob):
    # ok: VC430
    url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=900)
    # ok: VC430
    signed = blob.generate_signed_url(version="v4", expiration=timedelta(minutes=15))
    # ok: VC430
    default = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})
    return url, signed, default


def guarded_policies(name, vpc):
    deny_plain_http = {
        "Effect": "Deny",
        # ok: VC430
        "Principal": "*",
        "Action": "s3:*",
        "Resource": f"arn:aws:s3:::{name}/*",
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }
    only_from_vpc = {
        "Effect": "Allow",
        # ok: VC430
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{name}/*",
        "Condition": {"StringEquals": {"aws:SourceVpce": vpc}},
    }
    # ok: VC430
    one_role = {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"}, "Action": "s3:GetObject"}
    return [deny_plain_http, only_from_vpc, one_role]


def private_containers(service: BlobServiceClient):
    # ok: VC430
    service.create_container("reports")
    # ok: VC430
    service.create_container("exports", public_access=None)


def upload_static_assets(path, key):
    # ok: VC430
    s3.upload_file(path, "acme-static", key, ExtraArgs={"ACL": "public-read", "ContentType": "text/css"})


def publish_asset(blob):
    # ok: VC430
    blob.make_public()


class StaticStorage:
    location = "static"
    # ok: VC430
    default_acl = "public-read"


class StoredKey:
    def make_public(self, headers=None):
        # ok: VC430
        return self.bucket.set_canned_acl("public-read", self.name, headers)


class Album:
    def make_public(self):
        self.visibility = "public"


def publish_album(album: Album):
    # ok: VC430
    album.make_public()
