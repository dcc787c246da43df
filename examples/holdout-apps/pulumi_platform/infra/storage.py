"""Buckets for uploads, static assets and backups."""

import json

import pulumi
import pulumi_aws as aws


def uploads_bucket(env: str) -> aws.s3.BucketV2:
    bucket = aws.s3.BucketV2(f"uploads-{env}", bucket=f"acme-uploads-{env}")
    aws.s3.BucketPublicAccessBlock(
        f"uploads-{env}-block",
        bucket=bucket.id,
        block_public_acls=True,
        block_public_policy=True,
        ignore_public_acls=True,
        restrict_public_buckets=True,
    )
    return bucket


def assets_bucket(env: str) -> aws.s3.BucketV2:
    bucket = aws.s3.BucketV2(f"assets-{env}", bucket=f"acme-assets-{env}")
    # ok: VC430 -- re-marked: a public-read ACL on the site's static assets bucket is public by design
    aws.s3.BucketAclV2(f"assets-{env}-acl", bucket=bucket.id, acl="public-read")
    return bucket


def backups_bucket(env: str) -> aws.s3.BucketV2:
    bucket = aws.s3.BucketV2(f"backups-{env}", bucket=f"acme-backups-{env}")
    aws.s3.BucketServerSideEncryptionConfigurationV2(
        f"backups-{env}-sse",
        bucket=bucket.id,
        rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}}],
    )
    # ok: VC430
    aws.s3.BucketAclV2(f"backups-{env}-acl", bucket=bucket.id, acl="private")
    return bucket


def assets_policy(bucket: aws.s3.BucketV2) -> None:
    aws.s3.BucketPolicy(
        "assets-policy",
        bucket=bucket.id,
        policy=bucket.arn.apply(
            lambda arn: json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"{arn}/*"}],
                }
            )
        ),
    )
    pulumi.export("assets_bucket", bucket.bucket)
