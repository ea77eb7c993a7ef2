"""CLI commands (placeholder until its issue lands)."""


def register(sub) -> None:  # noqa: D401 - filled in by the owning issue
    return None
