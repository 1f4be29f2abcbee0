"""A high-contrast theme for screen sharing: pure black and white, bold accents."""

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#00ffff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#262626",
    success="#5fff5f",
    warning="#ffaf00",
    error="#ff5f5f",
    dark=True,
    variables={
        "footer-key-foreground": "#ffff00",
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
        # Textual draws an unfocused field's box in a shade of the surface: black on black
        # here, so the fields of a form could not be told apart on a shared screen.
        "border-blurred": "#8a8a8a",
        "text-disabled": "#a8a8a8",  # placeholders
        "scrollbar": "#6c6c6c",
        "scrollbar-hover": "#9a9a9a",
        "scrollbar-active": "#ffff00",
    },
)
