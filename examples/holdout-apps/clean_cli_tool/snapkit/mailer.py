"""Mail the run report to the operators over SMTP with STARTTLS; the password comes from the environment."""

import logging
import os
import smtplib
import ssl
from email.message import EmailMessage

logger = logging.getLogger(__name__)
SMTP_TIMEOUT = 15


def send_report(recipients: list[str], subject: str, html: str) -> None:
    host = os.environ["SNAPKIT_SMTP_HOST"]
    user = os.environ["SNAPKIT_SMTP_USER"]
    # ok: VC403
    password = os.environ["SNAPKIT_SMTP_PASSWORD"]
    message = EmailMessage()
    message["From"] = user
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message.set_content("This report needs an HTML-capable mail client.")
    message.add_alternative(html, subtype="html")
    context = ssl.create_default_context()
    try:
        with smtplib.SMTP(host, 587, timeout=SMTP_TIMEOUT) as smtp:
            # ok: VC404/VC418
            smtp.starttls(context=context)
            # ok: VC403/VC418
            smtp.login(user, password)
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError):
        logger.exception("report mail to %d recipients failed", len(recipients))
        raise
