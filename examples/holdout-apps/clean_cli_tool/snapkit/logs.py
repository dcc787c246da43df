"""Structured logging with secrets redacted from every record."""

import json
import logging
import re

SECRET_KEYS = re.compile(r"(password|passwd|token|secret|api[_-]?key|authorization)", re.IGNORECASE)
URL_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]+):(?P<password>[^@/\s]+)@")
REDACTED = "***"


def redact(value: object) -> object:
    if isinstance(value, dict):
        return {k: REDACTED if SECRET_KEYS.search(str(k)) else redact(v) for k, v in value.items()}
    if isinstance(value, str):
        return URL_CREDENTIALS.sub(rf"\g<scheme>\g<user>:{REDACTED}@", value)
    return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "fields": redact(getattr(record, "fields", {})),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=level, handlers=[handler], force=True)
