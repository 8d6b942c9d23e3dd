"""Mistake 2: no company-wide social media guidelines."""
