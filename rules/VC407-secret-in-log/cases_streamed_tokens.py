"""VC407 corpus: the tokens of a model's streamed answer are generated text, not credentials."""

import logging

logger = logging.getLogger(__name__)


def stream_answer(client, prompt):
    response = client.text_generation(prompt, stream=True)
    text = ""
    for token in response:
        # ok: VC407 -- a piece of the generated answer
        logger.debug(token)
        text += token
    return text


def stream_direct(llm, prompt):
    for token in llm.stream(prompt):
        # ok: VC407 -- the same, straight from the streaming call
        logger.info("got %s", token)


def rotate(tokens_by_user):
    for token in tokens_by_user.values():
        # expect: VC407 -- stored access tokens, one by one
        logger.info("rotating %s", token)


def refresh(session):
    token = session.refresh_token
    # expect: VC407 -- a credential, whatever streams nearby
    logger.debug(token)
