"""SDK clients for AWS, Google Cloud and Azure."""

from __future__ import annotations

import os

import boto3
from azure.identity import DefaultAzureCredential
from azure.storage.blob import BlobServiceClient
from google.cloud import storage

REGION = os.environ.get("AWS_REGION", "eu-west-1")


def aws_session() -> boto3.Session:
    # ok: VC403
    return boto3.Session(region_name=REGION)


def legacy_s3():
    return boto3.client(
        "s3",
        region_name=REGION,
        # expect: VC403
        aws_access_key_id="AKIAQX7Z3K2LMN7PQ2RT",
        # expect: VC403
        aws_secret_access_key="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",
    )


def ec2_client(region: str):
    # expect: VC404
    return boto3.client("ec2", region_name=region, verify=False)


def ec2_client_with_ca(region: str):
    # ok: VC404
    return boto3.client("ec2", region_name=region, verify=os.environ.get("AWS_CA_BUNDLE", True))


def gcs() -> storage.Client:
    return storage.Client(project=os.environ["GCP_PROJECT"])


def azure_blobs() -> BlobServiceClient:
    # ok: VC403
    return BlobServiceClient(os.environ["AZURE_BLOB_URL"], credential=DefaultAzureCredential())


def azure_blobs_with_key() -> BlobServiceClient:
    return BlobServiceClient(
        "https://acmeinventory.blob.core.windows.net",
        # expect: VC403
        credential="Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z2g9PQ==",
    )
