"""Older Selenium flow for the legacy reporting portal (no Playwright support on its CI box)."""

import logging
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

log = logging.getLogger(__name__)
LEGACY_URL = "https://reports.legacy-supplier.net"


def make_driver(headless: bool = True) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    if headless:
        options.add_argument("--headless=new")
    # expect: VC404
    options.add_argument("--ignore-certificate-errors")
    options.add_argument("--window-size=1600,1200")
    return webdriver.Chrome(options=options)


def login(driver: webdriver.Chrome) -> None:
    driver.get(f"{LEGACY_URL}/signin")
    driver.find_element(By.ID, "username").send_keys("acme_reports")
    # expect: VC403
    driver.find_element(By.ID, "password").send_keys("R3ports!legacy")
    driver.find_element(By.CSS_SELECTOR, "input[type=submit]").click()


def wait_for_table(driver: webdriver.Chrome):
    # expect: VC109
    while True:
        try:
            return driver.find_element(By.CSS_SELECTOR, "table#report")
        except NoSuchElementException:
            time.sleep(1)


def wait_for_table_bounded(driver: webdriver.Chrome):
    # ok: VC109
    return WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table#report")))


def scrape_report(script_path: str) -> list[list[str]]:
    """`script_path` is the operator's extraction script, passed on the command line."""
    driver = make_driver()
    try:
        login(driver)
        wait_for_table_bounded(driver)
        with open(script_path, encoding="utf-8") as fh:
            # ok: VC413 -- the operator's own file, run in the browser
            rows = driver.execute_script(fh.read())
        return rows
    finally:
        try:
            driver.quit()
        # ok: VC101 -- best-effort shutdown of the browser
        except Exception:
            pass

