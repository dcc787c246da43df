"""The Postgres instance and its secrets."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()


def database(env: str, subnet_group: aws.rds.SubnetGroup) -> aws.rds.Instance:
    return aws.rds.Instance(
        f"db-{env}",
        engine="postgres",
        engine_version="16.2",
        instance_class="db.t4g.medium",
        allocated_storage=50,
        db_name="platform",
        username="platform_admin",
        # expect: VC403
        password="Pl4tf0rm-Adm1n!",
        db_subnet_group_name=subnet_group.name,
        skip_final_snapshot=True,
    )


def replica_database(env: str, subnet_group: aws.rds.SubnetGroup) -> aws.rds.Instance:
    return aws.rds.Instance(
        f"db-{env}-reporting",
        engine="postgres",
        instance_class="db.t4g.small",
        allocated_storage=20,
        username="reporting",
        # ok: VC403
        password=config.require_secret("reportingDbPassword"),
        db_subnet_group_name=subnet_group.name,
    )
