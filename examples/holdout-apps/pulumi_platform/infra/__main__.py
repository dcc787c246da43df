"""Pulumi entry point: one stack per environment."""

import pulumi
import pulumi_aws as aws

from infra import database, storage

env = pulumi.get_stack()

vpc = aws.ec2.Vpc("main", cidr_block="10.20.0.0/16")
subnets = [
    aws.ec2.Subnet(f"private-{i}", vpc_id=vpc.id, cidr_block=f"10.20.{i}.0/24", availability_zone=az)
    for i, az in enumerate(["eu-west-1a", "eu-west-1b"])
]
subnet_group = aws.rds.SubnetGroup("db", subnet_ids=[s.id for s in subnets])

uploads = storage.uploads_bucket(env)
assets = storage.assets_bucket(env)
storage.assets_policy(assets)
backups = storage.backups_bucket(env)
db = database.database(env, subnet_group)
reporting = database.replica_database(env, subnet_group)

pulumi.export("db_endpoint", db.endpoint)
pulumi.export("uploads_bucket", uploads.bucket)
