import pytest

from bucketsync.config import Config, Target


@pytest.fixture
def source_tree(tmp_path):
    src = tmp_path / "src"
    (src / "docs").mkdir(parents=True)
    (src / "docs" / "a.txt").write_text("alpha")
    (src / "b.log").write_text("debug noise")
    (src / "c.csv").write_text("x,y\n1,2\n")
    return src


@pytest.fixture
def config(source_tree):
    return Config(
        source_dir=source_tree,
        targets=[Target(name="backup", kind="s3", bucket="test-bucket", prefix="daily/")],
        exclude=["*.log"],
        max_retries=2,
    )
