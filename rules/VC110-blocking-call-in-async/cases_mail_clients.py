"""VC110: mail and FTP clients that connect when given their host, in a coroutine or in a helper one calls."""
import asyncio
import ftplib
import smtplib
from smtplib import SMTP_SSL


def deliver(to, body):
    with smtplib.SMTP("mail.internal", 25) as smtp:
        smtp.sendmail("alerts@example.com", [to], body)


def build_client():
    return smtplib.SMTP()


async def notify(to):
    # expect: VC110 -- `deliver` connects to the mail server on the loop's thread
    deliver(to, "Your export is ready.")


async def notify_in_thread(to):
    # ok: VC110 -- run in a worker thread
    await asyncio.to_thread(deliver, to, "Your export is ready.")


async def send_direct(to, body):
    # expect: VC110
    with SMTP_SSL("smtp.example.com", 465) as smtp:
        smtp.sendmail("alerts@example.com", [to], body)


async def fetch_listing(host):
    # expect: VC110
    ftp = ftplib.FTP(host)
    return ftp


async def unconnected():
    # ok: VC110 -- no host: nothing is connected yet
    return build_client()
