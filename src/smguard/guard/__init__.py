"""Guardrails: pure checks of one post or reply *before* it is published, shared by the audit rules (which
apply them to history), the composer in the web workspace and ``smguard check post``.

- :mod:`smguard.platforms.fit` — does this post fit this platform (format, length, hashtags, links)?
- :mod:`smguard.guard.embargo` — does this text mention an embargoed term or alias?
- :mod:`smguard.guard.cadence` — would this post break the daily cap or the spacing between posts?
"""
