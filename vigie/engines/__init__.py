"""Engines that run the per-chunk extraction elsewhere than the local worker pool."""
