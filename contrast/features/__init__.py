"""Extractors, one module per family. Each module defines:

- ``FAMILIES``: the evidence families it emits;
- ``default_resources()``: its bundled lexicons/models, loaded once;
- ``extract(doc, resources) -> list[dict]``: a pure function from a segmented
  :class:`contrast.text.Doc` to evidence rows (keys from
  :data:`contrast.evidence.EVIDENCE_COLUMNS`).
"""

MODULES = ("sentiment", "hedging", "numbers", "naming", "attribution", "custom")
