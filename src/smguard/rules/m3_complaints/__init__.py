"""Mistake 3: ignoring help requests and complaints."""
