import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk_site.settings.base")

app = Celery("helpdesk_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    # expect: VC406
    accept_content=["json", "pickle"],
    task_serializer="pickle",
    result_serializer="pickle",
)
app.autodiscover_tasks()
