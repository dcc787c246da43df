"""Stand-in for the protoc output of vault.proto (messages as plain classes for this sample)."""

from dataclasses import dataclass, field


@dataclass
class UploadRequest:
    workspace_id: int = 0
    filename: str = ""
    content_type: str = ""


@dataclass
class UploadTicket:
    url: str = ""
    key: str = ""


@dataclass
class FileRef:
    workspace_id: int = 0
    file_id: int = 0


@dataclass
class FileInfo:
    file_id: int = 0
    filename: str = ""
    size: int = 0
    download_url: str = ""


@dataclass
class ListRequest:
    workspace_id: int = 0
    name_filter: str = ""


@dataclass
class FileList:
    files: list = field(default_factory=list)


@dataclass
class ScanResult:
    clean: bool = False
    detail: str = ""
