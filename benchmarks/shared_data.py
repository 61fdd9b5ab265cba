"""Where the team's shared benchmark data lives: ``../shared/`` next to the checkout.

The data is never copied into the repository; each benchmark takes a path option whose
default comes from here.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>`` from the checkout, or from a folder above it (a git worktree
    kept deeper than the main checkout); ``../shared/<parts>`` when none has it."""
    relative = Path("shared", *parts)
    for folder in ROOT.parents:
        if (folder / relative).exists():
            return folder / relative
    return ROOT.parent / relative
