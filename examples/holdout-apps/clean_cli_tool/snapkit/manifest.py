"""The manifest beside each snapshot: an XML file other tools of the team read."""

from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException


class ManifestError(ValueError):
    """The manifest is missing, malformed or does not match the files."""


@dataclass(frozen=True)
class Entry:
    name: str
    sha256: str
    size: int


def write_manifest(path: Path, job: str, entries: list[Entry], revision: str | None) -> None:
    root = Element("snapshot", job=job)
    if revision:
        root.set("revision", revision)
    for entry in entries:
        SubElement(root, "file", name=entry.name, sha256=entry.sha256, size=str(entry.size))
    path.write_bytes(tostring(root, encoding="utf-8", xml_declaration=True))


def read_manifest(path: Path) -> list[Entry]:
    try:
        # ok: VC416
        root = SafeET.parse(path).getroot()
    except (SafeET.ParseError, DefusedXmlException) as exc:
        raise ManifestError(f"{path}: unreadable manifest") from exc
    if root.tag != "snapshot":
        raise ManifestError(f"{path}: root element is {root.tag!r}, expected 'snapshot'")
    try:
        return [Entry(f.attrib["name"], f.attrib["sha256"], int(f.attrib["size"])) for f in root.iter("file")]
    except (KeyError, ValueError) as exc:
        raise ManifestError(f"{path}: incomplete file entry") from exc
