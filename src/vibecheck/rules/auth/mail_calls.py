"""Calls that send a message to an account's owner (mail, a text): how a reset or verification secret reaches them."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from vibecheck.rules.auth.names import words

# Words that say a link or a secret lets its holder in: a reset, a verification, an invitation, a sign-in.
LINK_WORDS = frozenset({"reset", "password", "verify", "verification", "confirm", "confirmation", "invite",
                        "invitation", "magic", "activate", "activation", "login", "signin", "passwordless", "onboard",
                        "onboarding", "unlock"})
MAIL_WORDS = frozenset({"mail", "email", "mails", "emails", "sendmail", "smtp", "mailer", "sendgrid", "mailgun",
                        "postmark", "smtplib", "sms"})
SENDING_WORDS = frozenset({"send", "deliver", "notify"})
# Calls that queue another function with its arguments (`background_tasks.add_task(send_email, to, link)`).
QUEUEING_METHODS = frozenset({"add_task", "enqueue", "delay", "apply_async", "send_task", "defer"})


def sends_mail(call: cst.Call, qualified: str | None) -> bool:
    """`send_mail(...)`, `mail.send(msg)`, `EmailMessage(...)`, `user.email_user(...)`, `send_sms(...)`,
    `send_invitation(...)`, `send_reset_email.delay(...)`, `background_tasks.add_task(send_email, ...)`; `qualified`
    is the callee's name after the module's imports (`django.core.mail.send_mail`)."""
    callee = set(callee_words(call.func))
    if type(call.func) is cst.Attribute and call.func.attr.value in QUEUEING_METHODS and call.args:
        callee |= set(callee_words(call.args[0].value))
    callee |= set(words(qualified or ""))
    return bool(callee & MAIL_WORDS) or bool(callee & SENDING_WORDS and callee & LINK_WORDS)


def callee_words(func: cst.CSTNode) -> Iterator[str]:
    """The words of a callee and of the names it is reached through (`mail.send` -> mail, send)."""
    while type(func) is cst.Attribute:
        yield from words(func.attr.value)
        func = func.value
    if type(func) is cst.Name:
        yield from words(func.value)
