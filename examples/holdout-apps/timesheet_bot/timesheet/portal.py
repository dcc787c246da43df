"""Driving the timesheet portal with Selenium."""

import logging
import os
import time

# expect: VC504
import requests
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from webdriver_manager.chrome import ChromeDriverManager

from .config import PASSWORD, PORTAL_URL, SCREENSHOT_DIR, USERNAME

logger = logging.getLogger(__name__)


def make_driver(headless: bool = True) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    if headless:
        options.add_argument("--headless=new")
    # expect: VC404
    options.add_argument("--ignore-certificate-errors")
    service = webdriver.ChromeService(ChromeDriverManager().install())
    return webdriver.Chrome(service=service, options=options)


def login(driver: webdriver.Chrome) -> None:
    driver.get(f"{PORTAL_URL}/login")
    driver.find_element(By.ID, "username").send_keys(USERNAME)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    # expect: VC407
    logger.info("logging in as %s with password %s", USERNAME, PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 20).until(EC.url_contains("/dashboard"))


def dismiss_banner(driver: webdriver.Chrome) -> None:
    try:
        driver.find_element(By.CSS_SELECTOR, ".cookie-banner button").click()
    # ok: VC101
    except NoSuchElementException:
        pass


def fill_day(driver: webdriver.Chrome, day: str, project: str, hours: float) -> bool:
    try:
        row = WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-day='{day}']")))
        row.find_element(By.NAME, "project").send_keys(project)
        field = row.find_element(By.NAME, "hours")
        field.clear()
        field.send_keys(str(hours))
        return True
    # expect: VC111, VC101
    except:
        return False


def fill_week(driver: webdriver.Chrome, entries: list[dict]) -> None:
    for entry in entries:
        try:
            fill_day(driver, entry["day"], entry["project"], entry["hours"])
            time.sleep(0.5)
        # expect: VC101
        except Exception as e:
            pass


def submit(driver: webdriver.Chrome) -> None:
    driver.find_element(By.ID, "submit-week").click()
    try:
        WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".alert-success")))
    # ok: VC101
    except TimeoutException:
        screenshot(driver, "submit-failed")
        logger.exception("no confirmation after submitting the week")
        raise


def screenshot(driver: webdriver.Chrome, name: str) -> str:
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    path = os.path.join(SCREENSHOT_DIR, f"{name}-{int(time.time())}.png")
    driver.save_screenshot(path)
    return path


def fetch_holidays(year: int) -> list[str]:
    # expect: VC404
    resp = requests.get(f"{PORTAL_URL}/api/holidays/{year}", verify=False, timeout=10)
    resp.raise_for_status()
    return [h["date"] for h in resp.json()]


def fetch_holidays_checked(year: int, ca_bundle: str) -> list[str]:
    # ok: VC404
    resp = requests.get(f"{PORTAL_URL}/api/holidays/{year}", verify=ca_bundle, timeout=10)
    resp.raise_for_status()
    return [h["date"] for h in resp.json()]
