"""VC109: retry loops around a mail or FTP server's failures."""
import ftplib
import smtplib
import time


def send_until_accepted(message):
    # expect: VC109 -- a refusing mail server is retried for ever
    while True:
        try:
            with smtplib.SMTP("mail.internal") as smtp:
                smtp.send_message(message)
            return
        except smtplib.SMTPException:
            time.sleep(5)


def send_a_few_times(message):
    # ok: VC109 -- five attempts, then the error goes up
    for attempt in range(5):
        try:
            with smtplib.SMTP("mail.internal") as smtp:
                smtp.send_message(message)
            return
        except smtplib.SMTPException:
            if attempt == 4:
                raise
            time.sleep(5)


def upload_until_done(path):
    # expect: VC109
    while True:
        try:
            with ftplib.FTP("files.internal") as ftp, open(path, "rb") as handle:
                ftp.storbinary(f"STOR {path}", handle)
            break
        except ftplib.error_temp:
            time.sleep(10)
