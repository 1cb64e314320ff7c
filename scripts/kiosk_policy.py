"""Install the kiosk's Chromium policy: every site blocked but GluteMap's own origin, no way out of the app.

`make kiosk` runs this before it starts Chromium. Chromium on Linux reads managed policies only from
/etc/chromium/policies/managed/, for every user of the machine, so this is meant for the kiosk machine
itself; `--remove` takes the policy away again. The policy's source is deploy/kiosk/chromium-policy.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = REPO_ROOT / "deploy" / "kiosk" / "chromium-policy.json"
MANAGED_POLICY = Path("/etc/chromium/policies/managed/glutemap-kiosk.json")
ORIGIN_PLACEHOLDER = "{{origin}}"


class PolicyError(ValueError):
    """The origin or the template cannot make a policy."""


def checked_origin(origin: str) -> str:
    """`origin` as scheme://host:port, or PolicyError: the allow list must name exactly one origin."""
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.port is None:
        raise PolicyError(f"the origin must look like http://127.0.0.1:8501, not {origin!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise PolicyError(f"the origin must be scheme, host and port only, not {origin!r}")
    return f"{parts.scheme}://{parts.hostname}:{parts.port}"


def render_policy(template_text: str, origin: str) -> dict[str, object]:
    """The policy for one app origin: the template with its placeholder replaced."""
    allowed = checked_origin(origin)
    policy = json.loads(template_text)
    if not isinstance(policy, dict) or policy.get("URLAllowlist") != [ORIGIN_PLACEHOLDER]:
        raise PolicyError(f"{TEMPLATE} must allow exactly {ORIGIN_PLACEHOLDER} in URLAllowlist")
    return {**policy, "URLAllowlist": [allowed]}


def policy_text(policy: dict[str, object]) -> str:
    """The policy file's content, stable so an unchanged policy is not rewritten."""
    return json.dumps(policy, indent=2, sort_keys=True) + "\n"


def install(text: str, target: Path) -> bool:
    """Write `text` to `target` atomically (readable by all, writable by root); False when it was already there."""
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp") as handle:
        handle.write(text)
        temporary = Path(handle.name)
    temporary.chmod(0o644)
    os.replace(temporary, target)
    return True


def main(argv: list[str] | None = None) -> int:
    """Install (or with --remove, remove) the kiosk policy; exit 2 with a message on a bad origin."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--origin", default="http://127.0.0.1:8501", help="the one origin the kiosk may open")
    parser.add_argument("--output", type=Path, default=MANAGED_POLICY, help="where Chromium reads the policy")
    parser.add_argument("--remove", action="store_true", help="remove the policy instead")
    args = parser.parse_args(argv)
    if args.remove:
        args.output.unlink(missing_ok=True)
        print(f"Removed the kiosk's Chromium policy {args.output}")
        return 0
    try:
        text = policy_text(render_policy(TEMPLATE.read_text(encoding="utf-8"), args.origin))
    except PolicyError as error:
        print(f"kiosk policy: {error}", file=sys.stderr)
        return 2
    try:
        changed = install(text, args.output)
    except PermissionError:
        print(f"kiosk policy: cannot write {args.output}: run `sudo make kiosk` once", file=sys.stderr)
        return 2
    if changed:
        print(f"Installed the kiosk's Chromium policy {args.output}: only {args.origin} opens; no DevTools, "
              "downloads, printing or file dialogs. It applies to every Chromium on this machine "
              "(remove it with: sudo .venv/bin/python scripts/kiosk_policy.py --remove)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
