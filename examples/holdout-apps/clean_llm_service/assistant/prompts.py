"""Prompt templates shipped with the package; customer text is substituted as data, never as template source."""

from functools import cache
from importlib import resources
from string import Template


@cache
def _template(name: str) -> Template:
    # ok: VC412/VC426 -- the template source is a file of the package
    return Template(resources.files("assistant.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8"))


def summary_prompt(conversation: str, max_words: int = 120) -> str:
    return _template("summary").safe_substitute(conversation=conversation, max_words=max_words)
