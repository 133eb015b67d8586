"""`make devserver`: build the site, serve it, rebuild on change and reload the browser.

The rebuild runs Pelican in a fresh process each time, so a change to the
plugin or the settings is picked up as surely as a change to content.
"""

import argparse
import subprocess
import sys
from pathlib import Path

from livereload import Server

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]


def build():
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(ROOT / "content"),
            "-o",
            str(ROOT / "output"),
            "-s",
            str(ROOT / "pelicanconf.py"),
        ],
        check=False,  # a failed build is reported by Pelican; keep serving
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()

    build()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), build)
    print(f"Serving the blog at http://{args.host}:{args.port}/ (Ctrl-C stops)")
    server.serve(host=args.host, port=args.port, root=str(ROOT / "output"))


if __name__ == "__main__":
    main()
