"""Guestlist's benchmark: build time and memory against plain Pelican (`make bench`).

Modules, in the order data flows: sitegen (synthetic blogs), configs (the four
builds as command lines), measure (one build in a child process), harness
(interleaved rounds), reload (the dev servers' edit-to-reload), report
(tables and budgets), profiling (cProfile by area), machine (what it ran on);
__main__ ties them together.
"""
