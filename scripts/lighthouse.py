"""Lighthouse (mobile) accessibility and best-practices scores of every GluteMap screen.

Run with `make lighthouse`, which installs Lighthouse 12.2.3 from npm into .tools/ once (13.x wants Node 22) and
points it at Debian's chromium. It starts the app on a free 127.0.0.1 port (as the browser tests do), audits each
screen, prints one line per screen with the audits that lost points, and exits 1 when a score is below the target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from glutemap.ui.app_shell import screens  # noqa: E402
from testing.harness import CHROMIUM_MISSING, StreamlitServer, find_chromium  # noqa: E402

LIGHTHOUSE = REPO_ROOT / ".tools" / "node_modules" / ".bin" / "lighthouse"
TARGET = 95  # accessibility and best practices, each, on every screen
CATEGORIES = ("accessibility", "best-practices")
AUDIT_SECONDS = 180


def audit(url: str, chromium: str, report: Path) -> dict[str, object]:
    """The Lighthouse JSON report of one page (mobile emulation, Lighthouse's default)."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, timeout=AUDIT_SECONDS, check=True,
                   capture_output=True)
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def lost_points(report: dict[str, object]) -> list[str]:
    """The audits that scored below full marks."""
    audits = report["audits"]
    assert isinstance(audits, dict)
    return sorted(name for name, audit in audits.items()
                  if audit.get("scoreDisplayMode") in ("binary", "numeric") and (audit.get("score") or 0) < 1)


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print(CHROMIUM_MISSING, file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `make lighthouse`.", file=sys.stderr)
        return 2
    below = []
    with StreamlitServer() as server, tempfile.TemporaryDirectory() as folder:
        for _file, title, url_path, _icon in screens():
            report = audit(f"{server.url}/{url_path}", chromium, Path(folder) / f"{url_path}.json")
            categories = report["categories"]
            assert isinstance(categories, dict)
            scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
            print(f"{title:<18} " + "  ".join(f"{name} {score}" for name, score in scores.items())
                  + f"  (lost points: {', '.join(lost_points(report)) or 'none'})")
            below += [f"{title}: {name} {score}" for name, score in scores.items() if score < TARGET]
    if below:
        print(f"Below {TARGET}: " + "; ".join(below), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
