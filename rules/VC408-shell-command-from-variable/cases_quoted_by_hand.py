"""VC408 corpus: a value quoted by hand for a POSIX shell ('\\'' for each quote, then between single quotes)."""

import subprocess


def kill_matching(container, command):
    pattern = " ".join(str(part) for part in command).replace("'", "'\\''")
    # ok: VC408 -- each quote of the pattern closed, escaped and reopened, the whole between single quotes
    container.exec_run(cmd=["sh", "-lc", f"pkill -f -- '{pattern}' || true"])


def grep_logs(needle):
    quoted = needle.replace("'", "'\\''")
    # ok: VC408 -- the same quoting with subprocess
    return subprocess.run(f"grep -r '{quoted}' /var/log", shell=True, check=False)


def grep_unquoted(needle):
    escaped = needle.replace("'", "'\\''")
    # expect: VC408 -- the escaped value pasted outside quotes is still shell syntax
    return subprocess.run(f"grep -r {escaped} /var/log", shell=True, check=False)


def grep_double_quoted(needle):
    escaped = needle.replace('"', '\\"')
    # expect: VC408 -- escaping double quotes leaves $(...) and backticks live
    return subprocess.run(f'grep -r "{escaped}" /var/log', shell=True, check=False)
