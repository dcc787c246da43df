"""Prompt: a requests session for a partner API, an SMTP client over SSL, and a plain TLS context."""

import smtplib
import ssl

import requests
import urllib3


def partner_session() -> requests.Session:
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    session = requests.Session()
    # expect: VC404
    session.verify = False
    return session


def send_mail(host: str, user: str, password: str, message: str) -> None:
    # expect: VC404
    with smtplib.SMTP_SSL(host, 465, context=ssl._create_unverified_context()) as smtp:
        smtp.login(user, password)
        smtp.sendmail(user, [user], message)


def send_mail_verified(host: str, user: str, password: str, message: str) -> None:
    # ok: VC404
    with smtplib.SMTP_SSL(host, 465, context=ssl.create_default_context()) as smtp:
        smtp.login(user, password)
        smtp.sendmail(user, [user], message)
