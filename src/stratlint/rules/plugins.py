"""Loading plugins: Python packages that add check functions and rule packs
(the interface is :mod:`stratlint.plugin`)."""
from __future__ import annotations

from pathlib import Path

from stratlint.errors import StratlintError


def load_plugin(name: str, plugin_dirs: list[str] = ()):
    """A plugin by entry-point name, else a module of that name (found on
    the Python path or in ``plugin_dirs``, the config's folder) whose
    ``plugin`` attribute is the Plugin."""
    import importlib
    import importlib.util
    import sys
    from importlib.metadata import entry_points

    from stratlint.plugin import GROUP, Plugin

    found = sorted((ep for ep in entry_points(group=GROUP) if ep.name == name), key=lambda ep: ep.value)
    where = found[0].value if found else f"{name}:plugin"
    try:
        if found:
            obj = found[0].load()
        else:
            if importlib.util.find_spec(name.split(".")[0], None) is None and not any(
                    (Path(d) / (name.split(".")[0] + ".py")).exists() or (Path(d) / name.split(".")[0]).is_dir()
                    for d in plugin_dirs):
                installed = sorted({ep.name for ep in entry_points(group=GROUP)})
                hint = f"; installed: {', '.join(installed)}" if installed else "; no stratlint plugin is installed"
                raise StratlintError(f"plugin '{name}' is not installed and is no module on the Python path{hint}")
            saved = list(sys.path)
            sys.path[:0] = [d for d in plugin_dirs if d not in sys.path]
            try:
                obj = getattr(importlib.import_module(name), "plugin", None)
            finally:
                sys.path[:] = saved
            if obj is None:
                raise StratlintError(f"module '{name}' has no 'plugin' (a stratlint.plugin.Plugin)")
        plugin = obj() if callable(obj) and not isinstance(obj, Plugin) else obj
    except StratlintError:
        raise
    except (Exception, SystemExit) as exc:  # a plugin's own bug (or exit) must not end the run
        raise StratlintError(f"plugin '{name}' ({where}) failed to load: {type(exc).__name__}: {exc}") from None
    if not isinstance(plugin, Plugin):
        raise StratlintError(f"plugin '{name}' ({where}) is not a stratlint.plugin.Plugin")
    return plugin
