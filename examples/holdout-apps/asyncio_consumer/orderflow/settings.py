import os

# expect: VC403
AMQP_URL = os.getenv("AMQP_URL", "amqp://orderflow:Rb7!kq2PzW@rabbitmq:5672/orders")
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
DATABASE_URL = os.environ["DATABASE_URL"]
FULFILMENT_API = os.getenv("FULFILMENT_API", "https://fulfilment.internal/api/v2")
FULFILMENT_TOKEN = os.environ.get("FULFILMENT_TOKEN", "")
SMS_GATEWAY = "https://sms.example-gateway.com/send"
PREFETCH = int(os.getenv("PREFETCH", "20"))
