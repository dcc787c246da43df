import os

from celery import Celery

app = Celery("jobs", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
app.conf.update(task_acks_late=True, worker_prefetch_multiplier=1, task_time_limit=300)
app.autodiscover_tasks(["jobs"])
