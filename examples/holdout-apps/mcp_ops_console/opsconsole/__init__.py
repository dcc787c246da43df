"""MCP server exposing ops tools to an assistant, plus an admin CLI."""
