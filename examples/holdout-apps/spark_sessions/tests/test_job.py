from unittest.mock import MagicMock, patch

from sessionjob import config, job


def test_notify_posts_text():
    cfg = config.JobConfig("src", "dst", "/tmp/out", [], webhook_url="https://hooks.example.com/x")
    with patch.object(job.requests, "post") as post:
        job.notify(cfg, "done")
    post.assert_called_once()
    assert post.call_args.kwargs["json"] == {"text": "done"}


def test_backfill_runs_each_day():
    spark = MagicMock()
    cfg = config.JobConfig("src", "dst", "/tmp/out", [])
    with patch.object(job, "run_day") as run_day:
        from datetime import date

        job.backfill(spark, cfg, date(2024, 5, 1), date(2024, 5, 3))
        # expect: VC303/VC304/VC308
        run_day.assert_called
