"""A kopf operator running database backups described by `BackupJob` custom resources."""
