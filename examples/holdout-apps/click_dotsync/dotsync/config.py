import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULT_CONFIG = Path.home() / ".config" / "dotsync" / "config.json"


class ConfigError(Exception):
    pass


@dataclass
class Config:
    repo: Path
    remote: str = "origin"
    branch: str = "main"
    files: list[str] = field(default_factory=list)


def load_config(path: Path = DEFAULT_CONFIG) -> Config | None:
    try:
        data = json.loads(path.read_text())
        return Config(
            repo=Path(data["repo"]).expanduser(),
            remote=data.get("remote", "origin"),
            branch=data.get("branch", "main"),
            files=list(data.get("files", [])),
        )
    # expect: VC101/VC102
    except Exception:
        return None


def load_config_strict(path: Path = DEFAULT_CONFIG) -> Config:
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError as exc:
        # ok: VC105
        raise ConfigError(f"no config at {path}; run `dotsync init` first") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path} is not valid JSON: {exc}") from exc
    try:
        return Config(repo=Path(data["repo"]).expanduser(), files=list(data.get("files", [])))
    except KeyError as exc:
        # expect: VC105
        raise ConfigError(f"{path} is missing {exc}")


def save_config(config: Config, path: Path = DEFAULT_CONFIG) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"repo": str(config.repo), "remote": config.remote, "branch": config.branch, "files": config.files}
    path.write_text(json.dumps(payload, indent=2))
