"""Start Bundlewise on its embedded defaults (demo catalog, CPU): `python app.py` = `bundlewise serve`."""

from __future__ import annotations

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
