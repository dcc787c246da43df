"""VC401 corpus: a Haystack pipeline in a module with no generator (an indexing pipeline) answers with no model text."""
import os

from haystack import Pipeline
from haystack.components.converters import TextFileToDocument


def index(path):
    pipe = Pipeline()
    pipe.add_component("convert", TextFileToDocument())
    result = pipe.run({"convert": {"sources": [path]}})
    # ok: VC401
    os.remove(result["convert"]["documents"][0].meta["file_path"])
