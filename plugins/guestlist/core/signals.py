"""Guestlist's own signals, beside Pelican's: the seams between its features.

A feature never imports another: where one must act on what another reads,
the reader sends a signal and the other, if it is switched on, answers.
"""

from blinker import signal

# Sent for the rendered body of each guest profile and series description as
# it is read, with sender=the HTML, path=the file and settings=the build's
# settings; a receiver returns the HTML to use instead (or None to leave it).
source_html_read = signal("guestlist_source_html_read")
