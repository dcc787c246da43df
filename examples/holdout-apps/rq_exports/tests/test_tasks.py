from unittest import mock

from exports import tasks


# expect: VC303
def test_convert_runs():
    with mock.patch("exports.tasks.subprocess.run") as run:
        tasks.convert("/tmp/a.csv", "xlsx")


def test_notify_posts():
    with mock.patch("exports.tasks.requests.post") as post:
        tasks.notify("https://example.com/hook", 3)
        post.assert_called_once()


# expect: VC303/VC305
def test_dump_rejects_unknown_table():
    try:
        tasks.dump_table("users")
    except ValueError:
        pass
