"""Where the time goes in a profile that app_runner.py saved (``--profile``).

    python benchmarks/profile_summary.py PROFILE.pyisession [--tree]

Each sample of the main thread is put in one group, by the first rule that matches its
stack, read from the outside in:

- imports: anything under the import machinery;
- app code: the outermost function of postmortem_tui on the stack, by name (what the app
  does in its handlers, including the Textual calls it makes);
- Textual's own work when no app code is on the stack: CSS, compose and mount, layout,
  rendering a frame (the compositor and the widgets' lines), other (events, messages);
- idle: the event loop's own frames (waiting in select/epoll for input or a timer);
- exit: shutting down once the measurement is over.

Only the main thread is sampled: the autosave thread shows up as the main thread waiting
for the GIL, inside whatever it was doing. ``--tree`` adds pyinstrument's own call tree.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

RULES = (
    ("Textual: CSS", ("textual/css/", "update_styles", "_update_styles")),
    ("Textual: compose and mount", ("_compose", "mount", "_on_compose", "_register")),
    ("Textual: layout", ("_refresh_layout", "reflow", "arrange")),
    ("Textual: render frame", ("_compositor_refresh", "render_update", "_display", "render_lines")),
)


EXIT = {"stop_application_mode", "_shutdown", "_close_all", "_close_messages"}


def group(stack: list) -> str:
    for frame in stack:
        path = frame.file_path or ""
        if frame.function == "<module>" or "importlib" in path:
            return "imports"
    for frame in stack:
        path = frame.file_path or ""
        if "postmortem_tui" in path and "benchmarks" not in path:
            owner = f"{frame.class_name}." if frame.class_name else ""
            return f"app: {owner}{frame.function}"
    for name, needles in RULES:
        for frame in stack:
            path = frame.file_path or ""
            if any(needle in path or needle == frame.function for needle in needles):
                return name
    if any("selectors" in (frame.file_path or "") for frame in stack):
        return "idle (the event loop waiting)"
    if any(frame.function in EXIT for frame in stack):
        return "exit (after the measured frames)"
    return "Textual: other (events, messages, timers)"


def summarise(path: str, tree: bool = False, top: int = 14) -> str:
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    session = Session.load(path)
    root = session.root_frame()
    totals: dict[str, float] = defaultdict(float)

    def walk(frame, stack: list) -> None:
        stack.append(frame)
        own = 0.0 if frame.is_synthetic else frame.total_self_time  # counts its [self] child
        if own > 0:
            totals[group(stack)] += own
        for child in frame.children:
            walk(child, stack)
        stack.pop()

    if root is not None:
        walk(root, [])
    total = sum(totals.values()) or 1.0
    busy = total - sum(v for k, v in totals.items() if k.startswith(("idle", "exit")))
    sampled = root.time if root is not None else 0.0
    lines = [f"{path}: {sampled:.3f} s sampled, {busy:.3f} s busy"]
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {seconds * 1000:8.1f} ms  {seconds / total:5.1%}  {name}")
    if tree:
        lines.append(ConsoleRenderer(unicode=True, color=False).render(session))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile")
    parser.add_argument("--tree", action="store_true")
    parser.add_argument("--top", type=int, default=14)
    args = parser.parse_args()
    print(summarise(args.profile, args.tree, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
