"""Mistake 5: counting likes and followers instead of their quality."""
