"""VC407 corpus, a tokenizer: where the file works with source tokens, `token` is a piece of text, not a credential."""
import logging
from tokenize import tok_name

logger = logging.getLogger(__name__)


def printtoken(type, token, srow_col, erow_col, line):
    srow, scol = srow_col
    # ok: VC407 -- a lexical token of the source being tokenized
    print(f"{srow},{scol}:\t{tok_name[type]}\t{token!r}")


def login(api_token):
    # expect: VC407 -- a credential named as one, in a tokenizer's file too
    logger.info("logging in with %s", api_token)
