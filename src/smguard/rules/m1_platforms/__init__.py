"""Mistake 1: treating all platforms the same."""
