"""Mistake 6: overdoing it (posting, liking, auto-replies)."""
