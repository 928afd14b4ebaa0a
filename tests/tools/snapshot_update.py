"""Whether a snapshot runner may rewrite its snapshot (PYXX_UPDATE=1).

Never in CI: a CI run that rewrote the snapshots would accept whatever the
compiler printed. CI sets CI (GitHub, GitLab and most others do); tests/run.sh
refuses PYXX_UPDATE itself.
"""
import os


def update_requested():
    """True for PYXX_UPDATE=1 outside CI; exits with an error under CI."""
    if os.environ.get("PYXX_UPDATE") != "1":
        return False
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        raise SystemExit("error: PYXX_UPDATE=1 in a CI run (CI is set): snapshots are compared "
                         "in CI, never rewritten")
    return True
