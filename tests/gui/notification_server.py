"""A small real notification server for tests: owns org.freedesktop.Notifications on the
session bus named by DBUS_SESSION_BUS_ADDRESS and behaves as the desktop's would.

Run with the system's python3 (it uses GDBus through python3-gi, which checks every
call's signature against the interface, as GNOME's and dunst's servers do). It prints
``ready`` once it owns the name, then one line per call:
``notify <id> <sender> <app_name>\\t<summary>\\t<body>\\t<action keys, comma-separated>``.
Lines on stdin make it act as a person at the desktop would:
``invoke <id> <action>`` emits ActionInvoked, ``close <id> <reason>`` NotificationClosed.
"""

import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
"""
PATH = "/org/freedesktop/Notifications"
IFACE = "org.freedesktop.Notifications"

state = {"next": 0, "senders": {}, "conn": None}


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def on_call(conn, sender, path, iface, method, params, invocation):
    if method == "Notify":
        app, replaces, _icon, summary, body, actions, _hints, _timeout = params.unpack()
        if replaces:
            nid = replaces
        else:
            state["next"] += 1
            nid = state["next"]
        state["senders"][nid] = sender
        keys = ",".join(actions[0::2])
        say(f"notify {nid} {sender} {app}\t{summary}\t{body}\t{keys}")
        invocation.return_value(GLib.Variant("(u)", (nid,)))
    elif method == "CloseNotification":
        (nid,) = params.unpack()
        say(f"closed-by-client {nid}")
        invocation.return_value(None)
        emit(nid, "NotificationClosed", GLib.Variant("(uu)", (nid, 3)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("test-server", "backtimer", "1", "1.2")))


def emit(nid, signal, value):
    sender = state["senders"].get(nid)
    state["conn"].emit_signal(sender, PATH, IFACE, signal, value)


def on_stdin(channel, condition):
    line = channel.readline()
    if not line:
        loop.quit()
        return False
    parts = line.split()
    if len(parts) == 3 and parts[0] == "invoke":
        emit(int(parts[1]), "ActionInvoked", GLib.Variant("(us)", (int(parts[1]), parts[2])))
        emit(int(parts[1]), "NotificationClosed", GLib.Variant("(uu)", (int(parts[1]), 2)))
        say(f"invoked {parts[1]} {parts[2]}")
    elif len(parts) == 3 and parts[0] == "close":
        nid, reason = int(parts[1]), int(parts[2])
        emit(nid, "NotificationClosed", GLib.Variant("(uu)", (nid, reason)))
    return True


def on_bus(conn, name):
    state["conn"] = conn
    info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
    conn.register_object(PATH, info, on_call, None, None)


def on_name(conn, name):
    say("ready")


def on_lost(conn, name):
    say("lost")
    loop.quit()


loop = GLib.MainLoop()
Gio.bus_own_name(Gio.BusType.SESSION, IFACE, Gio.BusNameOwnerFlags.NONE, on_bus, on_name, on_lost)
GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.IO_IN | GLib.IO_HUP, on_stdin)
loop.run()
