"""Tornado handlers in their own module, sharing the helpers of `handlers.BaseHandler` (no tornado import here)."""

from .handlers import BaseHandler


class ToolHandler(BaseHandler):
    def post(self):
        self.write(self.run_tool(self.get_argument("cmd")))
        self.write(self.run_fixed())


class DiskHandler(BaseHandler):
    def get(self):
        self.write(self.run_tool("df -h"))
