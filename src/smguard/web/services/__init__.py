"""Business logic of the workspace, shared by the REST API (``web/api``) and the HTML pages (``web/pages``).

Functions take a SQLAlchemy ``Session`` (and the acting ``User`` where it matters) and return plain dicts or
model objects; they never see a Request, so both front ends call exactly the same code.
"""
