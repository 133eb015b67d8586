"""Guestlist: guest-blogger series for Pelican, as one package of feature plugins."""
