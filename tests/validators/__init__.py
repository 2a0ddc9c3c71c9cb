"""The official validators, run on real responses: GS1's digital-link.js, the Nu Html Checker (vnu),
the EPCIS 2.0 JSON Schema with its JSON-LD context. Installed by `make validators`."""

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"


def invalid_digital_links(uris) -> list[str]:
    """The URIs GS1's digital-link.js does not accept as GS1 Digital Link URIs."""
    uris = sorted(set(uris))
    result = subprocess.run(  # noqa: S603
        [shutil.which("node"), str(Path(__file__).with_name("digital_link_check.js"))],
        input="\n".join(uris), capture_output=True, text=True, check=True,
        env={"NODE_PATH": str(NODE_MODULES)},
    )
    verdicts = json.loads(result.stdout)
    return [uri for uri in uris if not verdicts.get(uri)]


EPCIS_CONTEXT_FILE = ROOT / "traceability" / "standards" / "epcis-context.jsonld"


def expand_json_ld(document) -> list:
    """The document expanded by pyld, GS1's EPCIS context served from its official copy (offline)."""
    from pyld import jsonld

    from traceability.epcis import EPCIS_CONTEXT

    official = json.loads(EPCIS_CONTEXT_FILE.read_text())

    def loader(url, options=None):
        if url != EPCIS_CONTEXT:
            raise ValueError(f"no network in tests: {url}")
        return {
            "contentType": "application/ld+json", "contextUrl": None,
            "documentUrl": url, "document": official,
        }

    return jsonld.expand(document, {"documentLoader": loader})


VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(pages: dict[str, str], directory: Path) -> dict[str, list[str]]:
    """The Nu Html Checker's errors on each page (name → HTML), all checked in one run of vnu."""
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        files[name] = directory / f"page-{number}.html"
        files[name].write_text(html, encoding="utf-8")
    result = subprocess.run(  # noqa: S603
        [shutil.which("java"), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout",
         *map(str, files.values())],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    by_file = {f"file:{path}": name for name, path in files.items()}
    found = {name: [] for name in pages}
    for message in messages:
        name = by_file.get(message.get("url", "").replace("file:///", "file:/"), "?")
        where = f"line {message.get('lastLine')}: {message['message']} {message.get('extract', '')!r}"
        found.setdefault(name, []).append(where)
    return {name: errors for name, errors in found.items() if errors}
