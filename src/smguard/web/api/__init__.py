"""The REST API under ``/api``: one router per resource (see ``smguard.web.app.API_MODULES``)."""
