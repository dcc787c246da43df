"""Paths and connection settings."""

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("DOCS_DIR", "./docs")).resolve()
UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", "./uploads")).resolve()
EXPORT_DIR = Path(os.environ.get("EXPORT_DIR", "./exports")).resolve()
CACHE_FILE = Path(".cache/nodes.pkl")
CHROMA_HOST = os.environ.get("CHROMA_HOST", "localhost")
# expect: VC403
PG_DSN = "postgresql://rag:Rag-Pa55word!@db.internal:5432/rag"
# ok: VC403
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY")
TOP_K = int(os.environ.get("TOP_K", "5"))
COLLECTIONS = {"handbook", "runbooks", "contracts"}
