import pytest

from crawlkit.storage import PageStore


@pytest.fixture
async def store(tmp_path):
    s = PageStore(str(tmp_path / "pages.db"))
    await s.open()
    yield s
    await s.close()
