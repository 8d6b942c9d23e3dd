"""SM302 unanswered-help-request: a customer's question got no reply within the response window."""

from __future__ import annotations

from collections.abc import Iterator

from smguard.rules.base import Finding, RuleOptions, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT
from smguard.rules.m3_complaints._threads import DEFAULT_WINDOW_HOURS
from smguard.rules.m3_complaints._unanswered import unanswered


class Options(RuleOptions):
    # Same expectation as for complaints: an answer within a day (Sprout Social Index).
    response_window_hours: float = DEFAULT_WINDOW_HOURS
    # Per-platform windows, e.g. {x = 4}; platforms not named use response_window_hours.
    response_window_hours_by_platform: dict[str, float] = {}
    # After three days an unanswered question is a medium rather than a low finding.
    high_after_hours: float = 72.0
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


@rule("SM302", "unanswered-help-request", requires=("messages",), options=Options)
def unanswered_help_request(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Help requests to a brand account with no reply after the response window.

    **What it does** Like SM301, for inbound messages that the text labels call a help request and not a
    complaint (complaints are SM301's; a clearly positive message counts only if it asks a question; when
    the label misses a question, a question mark counts in a question addressed to the brand — "you", "你们",
    "请问", "how…", or a private message — but not in chit-chat such as "Anyone else riding this weekend?"): a
    question such as "how do I use my gift card?" with no answer by the audit moment (same notion of answered
    as SM301: the message, the customer's follow-up or a later message of the same conversation), older than
    the response window (default 24 h). One finding per message: low, medium after ``high_after_hours`` (72 h).

    **Why it matters** A question left unanswered on a public page tells every reader that nobody is
    listening; an answered one is cheap, visible customer service and often a sale.

    **Example** "Can someone help me check my gift card balance?" sent by DM on 2026-10-20 and never answered
    by 2026-10-31: medium finding naming that message.
    """
    return unanswered(ctx, opts, "help")
