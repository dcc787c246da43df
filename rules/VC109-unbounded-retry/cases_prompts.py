"""VC109 corpus: a loop that asks the person at the terminal again after a bad answer is a prompt, not a retry."""

import getpass

import click
import requests


def choose_domain(domains):
    # ok: VC109 -- every pass waits for the person's answer (django-tenants 4.0.1's create_tenant menu)
    while True:
        selected = input("Select the domain: ")
        try:
            return domains[int(selected) - 1]
        except Exception as exc:
            print("An error occurred. Please try again. Error: %s" % exc)


def log_in(url):
    # ok: VC109 -- the password is asked for again after a refused login
    while True:
        password = getpass.getpass("Password: ")
        try:
            return requests.post(url, data={"password": password}, timeout=10).json()
        except requests.RequestException:
            click.echo("Login failed, try again.")


def fetch_status(url, verbose):
    # expect: VC109 -- the prompt only runs when asked for: the failing request is retried at full speed
    while True:
        if verbose:
            input("Press enter to fetch")
        try:
            return requests.get(url, timeout=10).json()
        except requests.ConnectionError:
            print("retrying")
