"""kiosk_ssh_target: the HOST argument of `kiosk push` / `kiosk status HOST...` for one inventory host.

One place for rollout.yml's push and gather.yml's fanout. An IPv6 address with a port goes in brackets,
user@[::1]:2222, because user@::1:2222 is itself an IPv6 address (::1:2222) without a port.
"""


def kiosk_ssh_target(host, user, port=None):
    """user@host, user@host:port or user@[address]:port; no port leaves it to ssh (its config, or 22)."""
    host = str(host)
    if port is None or str(port) == "":
        return f"{user}@{host}"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{user}@{host}:{port}"


class FilterModule:
    """Ansible's entry point for filter plugins."""

    def filters(self):
        return {"kiosk_ssh_target": kiosk_ssh_target}
