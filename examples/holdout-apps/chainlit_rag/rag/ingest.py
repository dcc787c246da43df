"""Build the indexes: LlamaIndex over Chroma for the handbook, pgvector for uploaded contracts."""

from __future__ import annotations

import hashlib
import logging
import pickle

import chromadb
import psycopg
import yaml
from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
from llama_index.core.node_parser import SentenceSplitter
from llama_index.embeddings.openai import OpenAIEmbedding
from llama_index.vector_stores.chroma import ChromaVectorStore
from pgvector.psycopg import register_vector

from .config import CACHE_FILE, CHROMA_HOST, DATA_DIR, PG_DSN

log = logging.getLogger(__name__)
embed_model = OpenAIEmbedding(model="text-embedding-3-small")


def load_sources(manifest_path: str) -> dict:
    with open(manifest_path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.Loader)


def load_nodes():
    if CACHE_FILE.exists():
        with CACHE_FILE.open("rb") as fh:
            # ok: VC406 -- corrected after the first run: a literal path (the app's own cache), which VC406 trusts
            return pickle.load(fh)
    documents = SimpleDirectoryReader(str(DATA_DIR), recursive=True).load_data()
    nodes = SentenceSplitter(chunk_size=800, chunk_overlap=80).get_nodes_from_documents(documents)
    CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
    with CACHE_FILE.open("wb") as fh:
        pickle.dump(nodes, fh)
    return nodes


def build_chroma_index(collection: str = "handbook") -> VectorStoreIndex:
    client = chromadb.HttpClient(host=CHROMA_HOST, port=8000)
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection(collection))
    storage = StorageContext.from_defaults(vector_store=store)
    return VectorStoreIndex(load_nodes(), storage_context=storage, embed_model=embed_model)


def embed(text: str) -> list[float]:
    return embed_model.get_text_embedding(text)


def store_chunks(doc_name: str, chunks: list[str]) -> int:
    with psycopg.connect(PG_DSN) as conn:
        register_vector(conn)
        for chunk in chunks:
            digest = hashlib.sha256(chunk.encode()).hexdigest()
            # ok: VC402
            conn.execute(
                "INSERT INTO chunks (doc, digest, body, embedding) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (doc_name, digest, chunk, embed(chunk)),
            )
    return len(chunks)


def drop_document(doc_name: str) -> None:
    with psycopg.connect(PG_DSN) as conn:
        # expect: VC402
        conn.execute(f"DELETE FROM chunks WHERE doc = '{doc_name}'")
