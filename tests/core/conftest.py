"""Core tests need no event loop and no Qt."""
