"""VC108 corpus: commands whose exit status is dropped fire; checked or kept results do not."""
import os
import subprocess
import subprocess as sp
from subprocess import call, run as execute


def bare_run():
    # expect: VC108
    subprocess.run(["make", "build"], check=True)


def aliased_module():
    # expect: VC108
    sp.run("pytest -q", shell=True, capture_output=True, check=True)


def from_import_renamed():
    # expect: VC108
    execute(["git", "fetch"], check=True)


def bare_call():
    # expect: VC108
    subprocess.call(["rm", "-rf", "build"])


def from_import_call():
    # expect: VC108
    call("cp a b", shell=True)


def os_system():
    # expect: VC108
    os.system("service nginx reload")


def nested_function():
    def inner():
        # expect: VC108
        sp.call(["sync"])
    return inner


class Deployer:
    def migrate(self):
        # expect: VC108
        subprocess.run(["alembic", "upgrade", "head"], cwd=self.root, check=True)


def in_a_loop(paths):
    for path in paths:
        # expect: VC108
        subprocess.run(["gzip", path], check=True)


def checked():
    # ok: VC108
    subprocess.run(["make", "build"], check=True)


def explicit_check_false():
    # ok: VC108 -- written out, a decision
    subprocess.run(["pkill", "worker"], check=False)


def result_kept():
    # ok: VC108
    result = sp.run(["git", "status"], capture_output=True)
    return result.returncode


def status_kept():
    # ok: VC108
    status = subprocess.call(["ping", "-c1", "host"])
    return status == 0


def status_compared():
    # ok: VC108
    if os.system("which docker") != 0:
        raise SystemExit("docker is missing")


def forwards_kwargs(cmd, **kwargs):
    # ok: VC108
    subprocess.run(cmd, **kwargs)


def check_call_raises():
    # ok: VC108
    subprocess.check_call(["make"])


def check_output_raises():
    # ok: VC108
    subprocess.check_output(["git", "rev-parse", "HEAD"])


def returned():
    # ok: VC108
    return execute(["ls"])


def one_argument_a_line(path):
    # expect: VC108
    subprocess.run(
        ["tar", "czf", path, "build"],
        cwd="/srv/app",
        check=True,
    )


def awaited_elsewhere(paths):
    for path in paths:
        # expect: VC108
        sp.run(["gzip", path], check=True); print(path)


def output_only(ref):
    # expect: VC108 -- only the output is used: a failed command gives "" and no error
    result = subprocess.run(["git", "rev-parse", ref], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def output_read_directly():
    # expect: VC108
    return sp.run(["git", "branch", "--show-current"], capture_output=True, text=True, check=True).stdout.strip()


def output_parsed(path):
    # expect: VC108
    proc = execute(["ffprobe", "-of", "json", path], stdout=subprocess.PIPE, check=True)
    info = proc.stdout
    return info


def output_and_status():
    # ok: VC108
    result = subprocess.run(["git", "status"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return result.stdout


def output_after_check_returncode():
    # ok: VC108
    result = subprocess.run(["git", "status"], capture_output=True, text=True)
    result.check_returncode()
    return result.stdout


def output_and_stderr():
    # ok: VC108 -- the caller is shown the error output too
    result = subprocess.run(["make"], capture_output=True, text=True)
    return result.stdout, result.stderr


def output_with_check_false(path):
    # ok: VC108 -- non-zero is expected here, and written out
    result = subprocess.run(["grep", "-c", "TODO", path], capture_output=True, text=True, check=False)
    return result.stdout


def whole_result_handed_on():
    # ok: VC108
    result = subprocess.run(["make"], capture_output=True, text=True)
    log_result(result)
    return result.stdout


def output_parsed_strictly():
    # ok: VC108 -- int() raises on the empty output of a failed command
    result = subprocess.run("git log -1 --format=%ct", shell=True, capture_output=True, text=True)
    stamp = result.stdout
    return int(stamp)


def output_loaded_as_json(path):
    import json
    # ok: VC108
    proc = subprocess.run(["ffprobe", "-of", "json", path], capture_output=True, text=True)
    return json.loads(proc.stdout)


def output_parsed_with_fallback(path):
    # expect: VC108 -- `or 0` parses a failed command's empty output as a count of zero
    result = subprocess.run(["qpdf", "--show-npages", path], capture_output=True, text=True, check=True)
    return int(result.stdout.strip() or 0)


def popen_waited(src, dst):
    proc = subprocess.Popen(["ffmpeg", "-i", src, dst])
    # expect: VC108
    proc.wait()
    publish(dst)


def popen_communicated(src):
    with subprocess.Popen(["gzip", src], stdout=subprocess.PIPE) as proc:
        # expect: VC108
        proc.communicate()


def popen_status_checked(src, dst):
    proc = subprocess.Popen(["ffmpeg", "-i", src, dst])
    # ok: VC108
    proc.wait()
    if proc.returncode != 0:
        raise RuntimeError("ffmpeg failed")


def popen_wait_value_used(src, dst):
    proc = subprocess.Popen(["ffmpeg", "-i", src, dst])
    # ok: VC108
    if proc.wait():
        raise RuntimeError("ffmpeg failed")


def popen_handed_on(src, dst, supervisor):
    proc = subprocess.Popen(["ffmpeg", "-i", src, dst])
    supervisor.track(proc)
    # ok: VC108
    proc.wait()


def popen_waited_in_one_line(app):
    # expect: VC108
    subprocess.Popen(["open", "-a", app]).wait()


def popen_communicated_in_one_line(src):
    # expect: VC108
    subprocess.Popen(["gzip", "-k", src]).communicate()


def popen_one_line_status_checked(app):
    # ok: VC108
    if subprocess.Popen(["open", "-a", app]).wait() != 0:
        raise RuntimeError(f"could not open {app}")


def popen_one_line_output_used(src):
    # ok: VC108
    out, _ = subprocess.Popen(["gzip", "-c", src], stdout=subprocess.PIPE).communicate()
    return out


def popen_in_background(path):
    # ok: VC108
    subprocess.Popen(["xdg-open", path])


def not_a_process(event):
    # ok: VC108
    event.wait()


def git_status(repo):
    proc = subprocess.Popen(["git", "-C", repo, "status", "--short"], stdout=subprocess.PIPE, text=True)
    # expect: VC108 -- the output of a failed git is used as if it worked
    out, _ = proc.communicate()
    return out


def git_log(repo):
    proc = subprocess.Popen(["git", "-C", repo, "log", "-1"], stdout=subprocess.PIPE, text=True)
    # expect: VC108
    return proc.communicate()[0]


def git_status_checked(repo):
    proc = subprocess.Popen(["git", "-C", repo, "status", "--short"], stdout=subprocess.PIPE, text=True)
    # ok: VC108
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError("git status failed")
    return out


def git_status_reads_errors(repo):
    proc = subprocess.Popen(["git", "status"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # ok: VC108 -- the error output is kept and looked at
    out, err = proc.communicate()
    if err:
        raise RuntimeError(err)
    return out
