"""The web workspace: ``create_app`` (:mod:`.app`), dependencies (:mod:`.deps`), REST API (:mod:`.api`),
business logic shared with the pages (:mod:`.services`)."""
