"""SM301 unanswered-complaint: a customer's complaint got no reply within the response window."""

from __future__ import annotations

from collections.abc import Iterator

from smguard.rules.base import Finding, RuleOptions, rule
from smguard.rules.context import AuditContext
from smguard.rules.m2_guidelines._common import MAX_FINDINGS_PER_ACCOUNT
from smguard.rules.m3_complaints._threads import DEFAULT_WINDOW_HOURS
from smguard.rules.m3_complaints._unanswered import unanswered


class Options(RuleOptions):
    # Customers expect an answer on social media within a day (Sprout Social Index: ~3 in 4 expect one
    # within 24 h); a complaint younger than this is not flagged yet.
    response_window_hours: float = DEFAULT_WINDOW_HOURS
    # Per-platform windows, e.g. {x = 4, facebook = 1}; platforms not named use response_window_hours.
    response_window_hours_by_platform: dict[str, float] = {}
    # A complaint left this long (three days) is severe: the article calls ignoring complaints the worst response.
    high_after_hours: float = 72.0
    # Beyond this many on one account, the rest are listed together in one finding (all still evidence).
    max_findings_per_account: int = MAX_FINDINGS_PER_ACCOUNT


@rule("SM301", "unanswered-complaint", requires=("messages",), options=Options)
def unanswered_complaint(ctx: AuditContext, opts: Options) -> Iterator[Finding]:
    """Complaints to a brand account, public or private, with no reply after the response window.

    **What it does** Takes every inbound message of a brand account (comment, mention, review or direct
    message) that the text labels call a complaint (a message the sentiment head calls clearly positive is
    not). It is answered when an ``out`` message written by the audit moment names it in ``in_reply_to`` (on
    any channel: a public complaint answered by private message is answered), or answers the same customer's
    follow-up to it, or a later message of the same conversation (same customer, account, channel and post,
    within 24 h: three DMs in a row answered once). Each complaint still unanswered when it is older than the
    response window (``response_window_hours``, default 24 h, measured against ``as_of``, never the wall
    clock) is one finding naming that message: medium, high after ``high_after_hours`` (72 h). A complaint
    younger than the window is not flagged, nor is an abusive customer's further outburst after the brand has
    answered them (one public offer to go private, then silence, is right: SM305). Beyond
    ``max_findings_per_account`` the rest of an account's complaints are listed in one finding.

    **Why it matters** Ignoring a complaint is the worst possible answer: the customer, and everyone reading
    along, concludes that the company is weak or guilty. Every complaint is a chance to show that customers
    matter.

    **Example** On 2026-10-26 @jp_drinks_coffee wrote "Still waiting for my refund after 10 days"; five days
    later there is still no reply: high finding naming that message.
    """
    return unanswered(ctx, opts, "complaint")
