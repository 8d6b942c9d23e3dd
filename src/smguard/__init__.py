"""smguard: find and prevent the six classic mistakes of social media marketing."""

__version__ = "0.1.0"
