"""VC408 corpus: shell command lines with variable parts fire; argument lists, quoting and constants do not."""
import asyncio
import os
import shlex
import subprocess
import tempfile
import urllib.parse
from subprocess import check_output as run_and_read

BACKUP_DIR = "/var/backups"
BUFSIZE = 65536


def fstring_shell_true(filename):
    # expect: VC408
    subprocess.run(f"convert {filename} -resize 128x128 thumb.png", shell=True, check=True)


def percent_os_system(host):
    # expect: VC408
    os.system("ping -c 1 %s" % host)


def plus_popen(path):
    # expect: VC408
    return os.popen("cat " + path).read()


def format_call(branch):
    # expect: VC408
    subprocess.call("git checkout {}".format(branch), shell=True)


def built_in_a_variable_first(user, repo):
    command = f"git clone https://example.com/{user}/{repo}.git"
    # expect: VC408
    subprocess.Popen(command, shell=True)


def appended_in_steps(extra_flags):
    command = "pytest -q"
    command += " " + extra_flags
    # expect: VC408
    subprocess.check_call(command, shell=True)


def extended_from_itself(archive):
    command = f"tar czf {archive} ."
    command = f"{command} --exclude=.git"
    # expect: VC408 -- the second binding extends the first: its `command` is the text before it
    subprocess.run(command, shell=True, check=True)


def constant_extended_from_itself():
    command = "tar czf backup.tgz ."
    command = f"{command} --exclude=.git"
    # ok: VC408 -- every part is constant
    subprocess.run(command, shell=True, check=True)


def aliased_import(pattern):
    # expect: VC408
    return run_and_read(f"grep -r {pattern} .", shell=True)


def getoutput_shell(container):
    # expect: VC408
    return subprocess.getoutput(f"docker logs {container}")


async def asyncio_shell(query):
    # expect: VC408
    return await asyncio.create_subprocess_shell(f"sqlite3 app.db '{query}'")


def bash_dash_c(script_arg):
    # expect: VC408
    subprocess.run(["bash", "-c", f"echo {script_arg}"], check=True)


def without_import(name):
    # expect: VC408
    os.system(f"useradd {name}")


def argument_list(filename):
    # ok: VC408
    subprocess.run(["convert", filename, "-resize", "128x128", "thumb.png"], check=True)


def constant_command():
    # ok: VC408
    os.system("clear")


def constant_parts_only():
    # ok: VC408
    subprocess.run(f"tar czf {BACKUP_DIR}/all.tgz /srv", shell=True, check=True)


def quoted_with_shlex(path):
    # ok: VC408
    subprocess.run(f"wc -l {shlex.quote(path)}", shell=True, check=True)


def numbers_only(port):
    # ok: VC408
    os.system(f"fuser -k {int(port)}/tcp")


def shell_false_fstring(path):
    # ok: VC408
    subprocess.run(f"ls {path}".split(), check=True)


def unknown_command_passed_in(cmd):
    # ok: VC408 -- not built here; bandit's B602 still reports shell=True
    subprocess.run(cmd, shell=True)


def safe_list_in_variable(user):
    argv = ["id", user]
    # ok: VC408
    subprocess.check_output(argv)


def formatted_log_is_not_a_command(path):
    message = f"processing {path}"
    # ok: VC408
    print(message)


def build_rsync(src, dest, excludes):
    parts = ["rsync", "-a"]
    parts += [f"--exclude={pattern}" for pattern in excludes]
    parts += [src, dest]
    return " ".join(parts)


def build_quoted_rsync(src, dest):
    return " ".join(shlex.quote(part) for part in ["rsync", "-a", src, dest])


def sync_tree(src, dest, excludes):
    command = build_rsync(src, dest, excludes)
    # expect: VC408 -- the helper above joins the command line from its variables
    subprocess.run(command, shell=True, check=True)


def sync_tree_quoted(src, dest):
    # ok: VC408 -- the helper quotes every part
    subprocess.run(build_quoted_rsync(src, dest), shell=True, check=True)


def restart_units(ssh, units):
    # ok: VC408 -- each unit quoted before the join
    ssh.exec_command("sudo systemctl restart " + " ".join(shlex.quote(unit) for unit in units))


def restart_units_unquoted(ssh, units):
    # expect: VC408 -- the join of a generator that quotes nothing
    ssh.exec_command("sudo systemctl restart " + " ".join(unit.strip() for unit in units))


def fabric_deploy(host, app_dir, branch, unit):
    from fabric import Connection

    conn = Connection(host, user="deploy")
    # expect: VC408 -- Fabric runs the command line through the remote shell
    conn.run(f"cd {app_dir} && git pull origin {branch}")
    # ok: VC408 -- a fixed command line
    conn.sudo("systemctl reload nginx")
    # ok: VC408 -- quoted
    conn.run(f"journalctl -u {shlex.quote(unit)} --no-pager")


def task_runner_run(runner, name):
    # ok: VC408 -- a `run` method of anything but a Fabric connection
    runner.run(f"job-{name}")


def container_commands(container, cmd, path):
    # expect: VC408 -- `sh -c` in the container reads the rest as shell code
    container.exec_run(f"sh -c '{cmd}'")
    # expect: VC408
    container.exec_run(["bash", "-c", "tar czf /tmp/out.tgz " + path])
    # ok: VC408 -- docker splits the string into words: no shell
    container.exec_run(f"cat {path}")
    # ok: VC408 -- an argument list
    container.exec_run(["ls", "-la", "--", path])


def pod_commands(core, pod, namespace, script, directory):
    from kubernetes.stream import stream

    # expect: VC408
    stream(core.connect_get_namespaced_pod_exec, pod, namespace, command=["/bin/sh", "-c", f"cd /data && {script}"],
           stdout=True, stderr=True, stdin=False, tty=False)
    # ok: VC408 -- quoted
    stream(core.connect_get_namespaced_pod_exec, pod, namespace,
           command=["sh", "-c", "ls -la " + shlex.quote(directory)], stdout=True)
    # ok: VC408 -- the pod runs the words as they are
    stream(core.connect_get_namespaced_pod_exec, pod, namespace, command=["ls", "-la", directory], stdout=True)


class RemoteHost:
    def __init__(self, client, channel):
        self.client = client  # a paramiko.SSHClient
        self.channel = channel

    def make_dir(self, remote_dir):
        # expect: VC408 -- the SSH server runs it through the remote user's shell
        self.client.exec_command(f"mkdir -p {remote_dir}")

    def disk_free(self, path):
        # expect: VC408
        _, stdout, _ = self.client.exec_command("df -h " + path)
        return stdout.read()

    def tail_log(self, name, lines):
        command = "tail -n {} /var/log/{}".format(lines, name)
        # expect: VC408
        self.channel.exec_command(command)

    def make_dir_quoted(self, remote_dir):
        # ok: VC408 -- quoted for the remote shell
        self.client.exec_command("mkdir -p " + shlex.quote(remote_dir))

    def uptime(self):
        # ok: VC408 -- a fixed command line
        return self.client.exec_command("uptime")

    def fetch(self, shell, in_path, out_path, block):
        # ok: VC408 -- the connection's shell plug-in quotes the path for the shell it speaks to; the size is a constant
        self.client.exec_command("dd if=%s bs=%s" % (shell.quote(in_path), BUFSIZE))
        # expect: VC408 -- the second path is pasted as it is
        self.client.exec_command("dd of=%s bs=%s" % (out_path, BUFSIZE))
        # expect: VC408 -- a lower-case name is a variable
        self.client.exec_command("dd of=%s bs=%s" % (shell.quote(out_path), block))

    def fetch_encoded(self, path):
        # expect: VC408 -- URL quoting is no shell quoting
        self.client.exec_command("cat " + urllib.parse.quote(path, safe="/;$"))

    def fetch_helper_quoted(self, path):
        # ok: VC408 -- a project helper named for quoting shell words
        self.client.exec_command("cat " + shell_quote(path))


SCP_COMMAND = b"scp"


def as_bytes(text):
    return text.encode() if isinstance(text, str) else text


class ScpChannel:
    def __init__(self, channel, remote_command):
        self.channel = channel
        self.scp_command = SCP_COMMAND  # a constant, and the only value this attribute gets
        self.remote_command = remote_command

    def put(self, remote_path):
        # ok: VC408 -- a constant attribute and a quoted path, turned into bytes
        self.channel.exec_command(self.scp_command + b" -t " + as_bytes(shlex.quote(remote_path)))

    def get(self, remote_path):
        quoted = shlex.quote(remote_path)
        # ok: VC408 -- the quoted path, encoded
        self.channel.exec_command(self.scp_command + b" -f " + quoted.encode())

    def get_unquoted(self, remote_path):
        # expect: VC408 -- encoding quotes nothing
        self.channel.exec_command(self.scp_command + b" -f " + as_bytes(remote_path))

    def run_configured(self, remote_path):
        # expect: VC408 -- an attribute set from a parameter is no constant
        self.channel.exec_command(self.remote_command + b" " + as_bytes(shlex.quote(remote_path)))


def test_move_into_read_only_folder(tmpdir):
    protected = str(tmpdir.mkdir("protected"))
    # ok: VC408 -- a folder pytest's fixture made here, named by a literal
    os.system(f'icacls "{protected}" /deny Everyone:(W)')
    # ok: VC408
    subprocess.run(f"chmod -R 555 {tmpdir / 'protected'}", shell=True, check=True)


def build_in_scratch_folder():
    work = tempfile.mkdtemp(prefix="build-")
    # ok: VC408 -- a temporary folder the program made
    subprocess.run(f"make -C {work}", shell=True, check=True)


def test_folder_named_by_a_parameter(tmpdir, name):
    folder = tmpdir.mkdir(name)
    # expect: VC408 -- the folder's name comes from a parameter
    os.system(f"ls {folder}")


def clean_cache(tmpdir, name):
    # expect: VC408 -- outside a test, `tmpdir` is whatever the caller passes
    os.system(f"rm -rf {tmpdir.join('cache')}")
    # expect: VC408
    os.system(f"rm -rf {tmpdir / name}")
