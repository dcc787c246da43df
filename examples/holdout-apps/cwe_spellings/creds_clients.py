"""Prompt: scripts that connect to MySQL, send mail, call an API with basic auth, SSH into a box and use FTP."""

import ftplib
import os
import smtplib

import paramiko
import pymysql
import requests

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "")


def mysql_conn():
    # expect: VC403
    return pymysql.connect(host="127.0.0.1", user="root", password="MyS3cretPwd", database="inventory")


def send_report(body: str) -> None:
    server = smtplib.SMTP("smtp.gmail.com", 587)
    # expect: VC404 -- starttls() without a context checks no certificate
    server.starttls()
    # expect: VC403
    server.login("reports.bot@gmail.com", "qwerty!2024app")
    server.sendmail("reports.bot@gmail.com", ["ops@example.com"], body)
    server.quit()


def fetch_orders() -> dict:
    # expect: VC403
    resp = requests.get("https://api.example.com/orders", auth=("api_user", "Xk9!pq72Lm"), timeout=10)
    resp.raise_for_status()
    return resp.json()


def list_repos() -> list:
    # expect: VC403
    headers = {"Authorization": "Bearer ghp_9aZx81KqLm3Vb7Tr2Yp0Wn5Ue4Is6Od1Hc8J"}
    resp = requests.get("https://api.github.com/user/repos", headers=headers, timeout=10)
    resp.raise_for_status()
    return resp.json()


def list_repos_env() -> list:
    # ok: VC403
    headers = {"Authorization": f"Bearer {GITHUB_TOKEN}"}
    resp = requests.get("https://api.github.com/user/repos", headers=headers, timeout=10)
    resp.raise_for_status()
    return resp.json()


def restart_service(host: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # expect: VC403
    client.connect(host, username="deploy", password="d3pl0y-Pass")
    client.exec_command("sudo systemctl restart app")
    client.close()


def upload_backup(path: str) -> None:
    # expect: VC404 -- FTP_TLS without a context checks no certificate
    # expect: VC403
    ftp = ftplib.FTP_TLS("ftp.example.com", "backup", "Backup#2024")
    with open(path, "rb") as handle:
        ftp.storbinary(f"STOR {os.path.basename(path)}", handle)
    ftp.quit()


def db_password() -> str:
    # expect: VC403
    return os.environ.get("DB_PASSWORD", "fallback-Pa55word")
