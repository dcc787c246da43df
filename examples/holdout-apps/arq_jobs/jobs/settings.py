import os

from arq.connections import RedisSettings

# expect: VC403 -- hard-coded redis password
REDIS = RedisSettings(host=os.getenv("REDIS_HOST", "localhost"), port=6379, password="s3cr3t-redis-pw")
# ok: VC403 -- secret from the environment
S3_BUCKET = os.environ["EXPORT_BUCKET"]
AWS_REGION = os.getenv("AWS_REGION", "eu-west-1")
# expect: VC403 -- hard-coded API token for the CRM
CRM_API_TOKEN = "crm_live_4f9b2c7d1e8a6f3b5c0d9e2a7b4f1c8d"
CRM_BASE_URL = "https://api.crm.example.com/v2"
# expect: VC404 -- TLS verification off (moved from its use in tasks.py)
VERIFY_CERTS = False
