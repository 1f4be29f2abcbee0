"""The ``postmortem`` command's entry point: settings for the whole process, then the
command line.

pydantic looks for plugins when the first model is built, by reading the entry points of
every installed package (about 10 ms of the launch in a virtual environment of 40 packages).
This app has no use for pydantic plugins, so the lookup is switched off with pydantic's own
setting, unless the environment already says otherwise (``PYDANTIC_DISABLE_PLUGINS=`` to
load them). It must be set before anything imports the model, so before ``cli``.
"""

from __future__ import annotations

import os

NO_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main() -> int:
    os.environ.setdefault(*NO_PLUGINS)
    from .cli import main as command_line

    return command_line()
