"""The expenses app is a desktop client with no API: click through it with pyautogui."""

import subprocess
import time

# expect: VC503/VC504
import pyautogui

pyautogui.PAUSE = 0.3
pyautogui.FAILSAFE = True


def open_expenses_app() -> None:
    # expect: VC108
    subprocess.Popen(["open", "-a", "Expenses"]).wait()
    time.sleep(3)


def enter_expense(amount: str, category: str, note: str) -> None:
    location = pyautogui.locateCenterOnScreen("assets/new_expense.png", confidence=0.8)
    if location is None:
        raise RuntimeError("could not find the New Expense button")
    pyautogui.click(location)
    pyautogui.write(amount, interval=0.05)
    pyautogui.press("tab")
    pyautogui.write(category)
    pyautogui.press("tab")
    pyautogui.write(note)
    pyautogui.hotkey("command", "s")


def notify(title: str, message: str) -> None:
    # expect: VC408, VC108
    subprocess.run(f"osascript -e 'display notification \"{message}\" with title \"{title}\"'", shell=True)


def notify_safely(title: str, message: str) -> None:
    script = f'display notification {message!r} with title {title!r}'
    # ok: VC408, VC108
    subprocess.run(["osascript", "-e", script], check=True)
