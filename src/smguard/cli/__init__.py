"""Command-line interface: one module per command group, assembled in :mod:`smguard.cli.main`."""
