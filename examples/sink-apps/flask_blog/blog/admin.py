"""Maintenance helpers for the admin pages."""
import subprocess


class Maintenance:
    def __init__(self, root="/srv/blog"):
        self.root = root

    def backup(self, name):
        # sink: CWE-78
        return subprocess.Popen(f"tar czf /backups/{name}.tgz {self.root}", shell=True)

    def run_snippet(self, code):
        namespace = {"root": self.root}
        # sink: CWE-95
        exec(compile(code, "<admin>", "exec"), namespace)
        return namespace.get("result")


maintenance = Maintenance()
