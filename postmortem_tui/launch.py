"""The ``postmortem`` command's entry point: settings for the whole process, then the
command line.

pydantic looks for plugins when the first model is built, by reading the entry points of
every installed package (about 10 ms of the launch in a virtual environment of 40 packages).
This app has no use for pydantic plugins, so the lookup is switched off with pydantic's own
setting, unless the environment already says otherwise (``PYDANTIC_DISABLE_PLUGINS=`` to
load them). It must be set before anything imports the model, so before ``cli``.

With the lookup off, pydantic still imports its plugin loader, and the loader imports
``importlib.metadata`` (with ``email``, ``csv`` and ``zipfile``: another 10 ms) only to
have the lookup at hand. :func:`process_settings` puts a stand-in for the loader in its
place that answers "no plugins" as pydantic's own does with the setting, and hands
anything else to the real loader, imported then.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

NO_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")
PLUGINS_OFF = ("__all__", "1", "true")
"""The values of ``PYDANTIC_DISABLE_PLUGINS`` for which pydantic loads no plugin at all."""
PLUGIN_LOADER = "pydantic.plugin._loader"


class NoPluginLoader(ModuleType):
    """Stands in for ``pydantic.plugin._loader`` while plugins are switched off."""

    def get_plugins(self) -> tuple[()] | object:
        if os.getenv(NO_PLUGINS[0]) in PLUGINS_OFF:
            return ()
        return self._real().get_plugins()

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        return getattr(self._real(), name)

    def _real(self) -> ModuleType:
        if sys.modules.get(PLUGIN_LOADER) is self:
            del sys.modules[PLUGIN_LOADER]
        return importlib.import_module(PLUGIN_LOADER)


def process_settings() -> None:
    """Switch pydantic's plugin lookup off unless the environment says otherwise, and with
    it off, the import of its loader too. Call before anything imports pydantic's models."""
    os.environ.setdefault(*NO_PLUGINS)
    if os.environ[NO_PLUGINS[0]] in PLUGINS_OFF and PLUGIN_LOADER not in sys.modules:
        sys.modules[PLUGIN_LOADER] = NoPluginLoader(PLUGIN_LOADER)


def main() -> int:
    process_settings()
    from .cli import main as command_line

    return command_line()
