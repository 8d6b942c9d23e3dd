"""The ``smguard`` command. Each command group lives in its own module and registers itself here."""

from __future__ import annotations

import typer

from smguard.cli import audit, check, classify, importer, web

app = typer.Typer(
    name="smguard",
    help="smguard: find and prevent the six classic mistakes of social media marketing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (audit, classify, importer, check, web):
    module.register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
