"""VC406 corpus: Hugging Face loaders told to run a repository's code (`trust_remote_code=True`) for a repository the
code does not name itself."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

PINNED_MODEL = "acme/summarizer-v2"


def load_requested(model_id: str):
    # expect: VC406
    tokenizer = AutoTokenizer.from_pretrained(model_id, trust_remote_code=True)
    # expect: VC406
    model = AutoModelForCausalLM.from_pretrained(model_id, revision="main", trust_remote_code=True)
    return tokenizer, model


def load_pipeline(body: dict):
    # expect: VC406
    return pipeline("text-generation", model=body["model"], trust_remote_code=True)


def load_dataset_named(name: str):
    # expect: VC406
    return load_dataset(name, trust_remote_code=True)


def load_pinned():
    # ok: VC406 -- the repository is the code's own choice
    return AutoModelForCausalLM.from_pretrained(PINNED_MODEL, trust_remote_code=True)


def load_literal():
    # ok: VC406
    return AutoTokenizer.from_pretrained("microsoft/phi-2", trust_remote_code=True)


def load_requested_without_code(model_id: str):
    # ok: VC406 -- only weights and configuration are read
    return AutoModelForCausalLM.from_pretrained(model_id)


def load_requested_refusing_code(model_id: str):
    # ok: VC406
    return AutoModelForCausalLM.from_pretrained(model_id, trust_remote_code=False)


def load_local_table(path: str, builder: str):
    # ok: VC406 -- a builder shipped inside `datasets` reads the files it is given (bandit's B615 is cleared too)
    rows = load_dataset("csv", data_files=path, trust_remote_code=True)
    # expect: VC406 -- a builder chosen at run time may be any repository of the Hub
    chosen = load_dataset(builder, data_files=path, trust_remote_code=True)
    return rows, chosen
