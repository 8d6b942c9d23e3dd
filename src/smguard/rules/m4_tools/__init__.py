"""Mistake 4: not using the platforms' marketing tools."""
