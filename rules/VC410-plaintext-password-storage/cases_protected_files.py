"""VC410 corpus: a password that unlocks a protected file is handed to its reader, not stored."""

import io

import pikepdf
import pypdf
from pyzipper import AESZipFile

from .models import Document


def pages_of(data: bytes, password: str):
    # ok: VC410 -- pypdf decrypts the document with the password
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True, password=password)
    return [page.extract_text() for page in reader.pages]


def unlock(path, password):
    # ok: VC410 -- pikepdf opens an encrypted PDF
    with pikepdf.open(path, password=password) as pdf:
        return len(pdf.pages)


def archive(path, password):
    # ok: VC410 -- an AES zip archive opened with its password
    return AESZipFile(path, password=password.encode())


def save_document(title, password):
    # expect: VC410 -- a model of the project keeps the password as given
    return Document(title=title, password=password)
