"""axe-core run in the page under test: the serious and critical violations only."""

from axe_playwright_python.sync_playwright import Axe

SEVERE = ("serious", "critical")


def severe_violations(page):
    results = Axe().run(page)
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in SEVERE
    ]
