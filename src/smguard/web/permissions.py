"""The role matrix: which role may do what. Every route asks for one permission (``deps.require``).

============  =====  =======  =====  ========
permission    admin  manager  agent  employee
============  =====  =======  =====  ========
users           x
dashboard       x       x
inbox           x       x       x
compose         x       x       x
guidelines.manage x     x
embargo         x       x
audiences       x       x
followers       x       x
likes           x       x
automation      x       x
campaigns       x       x
tools           x       x
guidelines.read x       x       x       x
guidelines.sign x       x       x       x    (only a user linked to an employee can sign)
profile         x       x       x       x
============  =====  =======  =====  ========
"""

from __future__ import annotations

ALL = frozenset({"admin", "manager", "agent", "employee"})
STAFF = frozenset({"admin", "manager"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "users": frozenset({"admin"}),
    "dashboard": STAFF,
    "inbox": frozenset({"admin", "manager", "agent"}),
    "compose": frozenset({"admin", "manager", "agent"}),
    "guidelines.manage": STAFF,
    "embargo": STAFF,
    "audiences": STAFF,
    "followers": STAFF,
    "likes": STAFF,
    "automation": STAFF,
    "campaigns": STAFF,
    "tools": STAFF,
    "guidelines.read": ALL,
    "guidelines.sign": ALL,
    "profile": ALL,
}


def allowed(role: str | None, permission: str) -> bool:
    """True when ``role`` has ``permission``. Unknown permissions are refused (fail closed)."""
    return role is not None and role in PERMISSIONS.get(permission, frozenset())


def permissions_of(role: str) -> list[str]:
    """Every permission of a role (for the navigation of the pages)."""
    return sorted(p for p, roles in PERMISSIONS.items() if role in roles)
