#!/usr/bin/env python3
"""Copies Synthea bundles with new identities, for import benchmarks (issue 17).

Usage: bench/synthea-copies.py SOURCE_FOLDER TARGET_FOLDER COPIES

Copy k of each bundle gets every UUID replaced by one derived from (k, old UUID), so that
references inside the bundle still agree and nothing is shared with another copy; its
Patient gets a family name and a birth date of its own, so that identity matching sees
new people rather than copy k of the same one.
"""
import json
import re
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SURNAMES = ["Ashworth", "Baines", "Crossley", "Dunmore", "Everett", "Fairbairn", "Greaves", "Holroyd",
            "Ingham", "Jowett", "Kershaw", "Lumb", "Marsden", "Nuttall", "Ormerod", "Pickles", "Quarmby",
            "Rawnsley", "Sutcliffe", "Tetley", "Uttley", "Verity", "Whiteley", "Yeadon"]


def copy(text: str, k: int) -> str:
    text = UUID.sub(lambda m: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{k}:{m.group(0)}")), text)
    bundle = json.loads(text)
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        if resource.get("resourceType") == "Patient":
            for name in resource.get("name", []):
                name["family"] = SURNAMES[k % len(SURNAMES)] + "-" + name.get("family", "")
            if "birthDate" in resource:
                born = date.fromisoformat(resource["birthDate"][:10])
                resource["birthDate"] = (born + timedelta(days=37 * k)).isoformat()
    return json.dumps(bundle)


def main() -> None:
    source, target, copies = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    files = sorted(p for p in source.glob("*.json"))
    for k in range(1, copies + 1):
        folder = target / f"copy-{k:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for file in files:
            (folder / file.name).write_text(copy(file.read_text(encoding="utf-8"), k), encoding="utf-8")


if __name__ == "__main__":
    main()
