"""Walks a window's accessibility tree as a screen reader does and lists every control it
could not tell a person about. Used by test_accessibility.py; call it on any new window.

The rule (README, "Accessibility"):

- a control a person operates (button, check box, field, list, table, slider, tab, …)
  has an accessible *name* and a *description*: the name says what it is ("Back",
  "Volume"), the description what it does or holds (a tool tip serves, since Qt reads
  one as the description);
- a field, combo box, spin box or slider gets its name from ``setAccessibleName`` or
  from a label whose buddy it is, never from its value (Qt reads the value otherwise);
- a widget BackTimer paints itself (countdown, figure, chart) has a name and a
  description that says what it shows now;
- a window or dialog has a title; list items have names.

Labels read as their text, and containers (plain widgets, splitters, panes, groups,
scroll bars) need nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QLabel, QWidget

Role = QAccessible.Role

#: Roles of controls a person operates: each needs a name and a description.
OPERATED = frozenset(
    {
        Role.Button,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.SpinBox,
        Role.Slider,
        Role.Dial,
        Role.EditableText,
        Role.List,
        Role.Table,
        Role.Tree,
        Role.PageTab,
        Role.PageTabList,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.HotkeyField,
        Role.Link,
    }
)
#: Roles whose name Qt would otherwise take from their value.
VALUE_NAMED = frozenset({Role.ComboBox, Role.SpinBox, Role.Slider, Role.Dial, Role.EditableText})
#: Roles that need a name of their own.
NAMED = frozenset({Role.Window, Role.Dialog, Role.ListItem, Role.PageTab, Role.MenuItem})


def _label_for(widget: QWidget) -> bool:
    window = widget.window()
    return any(label.buddy() is widget and label.text() for label in window.findChildren(QLabel))


def _ours(obj: object) -> bool:
    return type(obj).__module__.startswith("backtimer.")


def _tabs_described(strip: QAccessibleInterface) -> bool:
    tabs = [strip.child(i) for i in range(strip.childCount())]
    tabs = [t for t in tabs if t is not None and t.role() == Role.PageTab]
    return bool(tabs) and all(t.text(QAccessible.Text.Description).strip() for t in tabs)


def problems(root: QWidget) -> list[str]:
    """Every control under ``root`` (shown ones only) that breaks the rule, one line each."""
    found: list[str] = []
    top = QAccessible.queryAccessibleInterface(root)
    assert top is not None, f"{root!r} has no accessible interface"
    _walk(top, found, path=type(root).__name__)
    return found


def _walk(iface: QAccessibleInterface, found: list[str], path: str) -> None:
    if not iface.isValid() or iface.state().invisible:
        return
    role = iface.role()
    obj = iface.object()
    name = iface.text(QAccessible.Text.Name).strip()
    description = iface.text(QAccessible.Text.Description).strip()
    what = f"{path} > {role.name}"
    if obj is not None:
        what += f" {type(obj).__name__}"
        if isinstance(obj, QWidget) and obj.objectName():
            what += f" #{obj.objectName()}"
    custom_leaf = role == Role.Client and iface.childCount() == 0 and obj is not None and _ours(obj)
    if role in OPERATED or custom_leaf:
        if not name:
            found.append(f"{what}: no accessible name")
        # Qt 6.11 gives a tab strip no description of its own, whatever is set on it;
        # each of its tabs (PageTab, checked below) carries one instead.
        if not description and not (role == Role.PageTabList and _tabs_described(iface)):
            found.append(f"{what} {name!r}: no accessible description")
        if (
            role in VALUE_NAMED
            and isinstance(obj, QWidget)
            and not obj.accessibleName()
            and not _label_for(obj)
        ):
            found.append(f"{what}: named by its value {name!r}; set an accessible name")
    elif role in NAMED and not name:
        found.append(f"{what}: no accessible name")
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None:
            _walk(child, found, f"{what} {name[:20]!r}" if name else what)


def shown_windows() -> list[QWidget]:
    """Every top-level window on screen now (the test's own and any it opened)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.isWindow() and type(w).__name__ != "QMenu"
    ]
