from unittest.mock import patch

import pytest

from rag import ingest


def test_store_chunks_counts(tmp_path):
    with patch.object(ingest.psycopg, "connect"), patch.object(ingest, "register_vector"), \
            patch.object(ingest, "embed", return_value=[0.0]):
        assert ingest.store_chunks("doc", ["a", "b", "c"]) == 3


def test_load_sources(tmp_path):
    manifest = tmp_path / "m.yaml"
    manifest.write_text("handbook: docs/handbook\n")
    assert ingest.load_sources(str(manifest)) == {"handbook": "docs/handbook"}


# ok: VC306
@pytest.mark.skip(reason="needs a running Chroma")
def test_build_chroma_index():
    # expect: VC310
    assert ingest.build_chroma_index() is not None


# expect: VC303
def test_drop_document():
    with patch.object(ingest.psycopg, "connect"):
        ingest.drop_document("contract-7")
