"""Placeholder: the attribution extractor (being written)."""

from __future__ import annotations

from typing import Any

from contrast.text import Doc

FAMILIES = ("attribution", "unattributed")


def default_resources() -> Any:
    return None


def extract(doc: Doc, resources: Any = None) -> list[dict[str, Any]]:
    return []
