#!/usr/bin/env bash
# Installs a published kiosk on a Raspberry Pi. Run as root from the unpacked artifacts/kiosk-<rid>.tar.gz:
#   sudo ./install.sh --content-key staff_content.pub [--no-start]
#
#   /opt/kiosk/                    the self-contained kiosk, builtin.kpack, this script and the unit
#   kiosk (system user)            in gpio, spi, video, input (missing groups are created)
#   /var/lib/kiosk/packs/          the pack store, the only folder the kiosk may write
#   /etc/kiosk/kiosk.json          example settings, only when absent
#   /etc/kiosk/trusted-keys/       drop NAME.pub (kiosk keygen) here to accept signed packs only
#   /var/lib/kiosk/.ssh/authorized_keys
#                                  the content key, which can do one thing: kiosk pack receive
#                                  (which also answers `ssh kiosk@HOST status [--json]`)
#   /etc/systemd/system/kiosk.service, enabled and (re)started
set -euo pipefail

prefix=/opt/kiosk
state=/var/lib/kiosk
config=/etc/kiosk
user=kiosk
groups=(gpio spi video input)
content_key=""
start=yes

usage() {
  echo "usage: sudo $0 --content-key FILE.pub [--no-start]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --content-key) [ $# -ge 2 ] || usage; content_key="$2"; shift 2 ;;
    --no-start) start=no; shift ;;
    -h|--help) usage ;;
    *) echo "install.sh: unknown argument: $1" >&2; usage ;;
  esac
done

[ -n "$content_key" ] || { echo "install.sh: --content-key FILE.pub is required (ssh-keygen -t ed25519 -f staff_content)" >&2; usage; }
[ -r "$content_key" ] || { echo "install.sh: $content_key: no such readable file" >&2; exit 1; }
# One public key line, of a type sshd knows, and nothing that could smuggle in options of its own.
read -r key_type key_body key_comment < <(grep -v '^[[:space:]]*\(#\|$\)' "$content_key" | head -n 1) || true
case "${key_type:-}" in
  ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh.com|sk-ecdsa-sha2-nistp256@openssh.com) ;;
  *) echo "install.sh: $content_key: not an OpenSSH public key (expected e.g. 'ssh-ed25519 AAAA... comment')" >&2; exit 1 ;;
esac
[[ "$key_body" =~ ^[A-Za-z0-9+/=]+$ ]] || { echo "install.sh: $content_key: the key is not base64" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
[ -x "$here/kiosk" ] || { echo "install.sh: $here/kiosk not found: run me from the unpacked kiosk-<rid>.tar.gz" >&2; exit 1; }

# Libraries the self-contained kiosk still takes from the system: Skia needs fontconfig, GPIO needs libgpiod.
if command -v apt-get >/dev/null; then
  missing=()
  for p in libfontconfig1 libgpiod2; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install.sh: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

for g in "${groups[@]}"; do
  getent group "$g" >/dev/null || groupadd --system "$g"
done
if ! id "$user" >/dev/null 2>&1; then
  # A shell, because sshd runs the key's forced command through it; the key allows nothing else.
  useradd --system --home-dir "$state" --no-create-home --shell /bin/sh --user-group "$user"
fi
usermod --append --groups "$(IFS=,; echo "${groups[*]}")" "$user"
# '*' rather than useradd's '!': no password can match either way, but sshd without PAM refuses '!' accounts.
usermod --password '*' "$user"

# Device nodes for the kiosk's groups; Raspberry Pi OS ships the same rules, plain Debian does not.
cat > /etc/udev/rules.d/60-kiosk-devices.rules <<'RULES'
SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660"
SUBSYSTEM=="spidev", KERNEL=="spidev*", GROUP="spi", MODE="0660"
RULES
if command -v udevadm >/dev/null; then
  udevadm control --reload || true
  udevadm trigger --subsystem-match=gpio --subsystem-match=spidev || true
fi

# The home belongs to root, so the kiosk (which may write only packs/) cannot swap in its own .ssh.
install -d -o root -g "$user" -m 0750 "$state"
install -d -o "$user" -g "$user" -m 0750 "$state/packs"
install -d -o root -g root -m 0755 "$state/.ssh"
tmp_keys="$(mktemp "$state/.ssh/authorized_keys.XXXXXX")"
printf 'command="%s/kiosk pack receive",restrict %s %s %s\n' "$prefix" "$key_type" "$key_body" "${key_comment:-kiosk-content}" > "$tmp_keys"
chmod 0644 "$tmp_keys"
mv -f "$tmp_keys" "$state/.ssh/authorized_keys"

install -d -o root -g root -m 0755 "$config" "$config/trusted-keys"
if [ ! -e "$config/kiosk.json" ]; then
  install -o root -g root -m 0644 "$here/kiosk.example.json" "$config/kiosk.json"
fi

# The new build goes in beside the old one and replaces it with renames, so a failed copy changes nothing.
rm -rf "$prefix.new" "$prefix.old"
mkdir -p "$prefix.new"
cp -a "$here/." "$prefix.new/"
chown -R root:root "$prefix.new"
chmod -R go-w "$prefix.new"
if [ -d "$prefix" ]; then
  mv "$prefix" "$prefix.old"
fi
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"

install -o root -g root -m 0644 "$prefix/kiosk.service" /etc/systemd/system/kiosk.service
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable kiosk.service >/dev/null
  if [ "$start" = yes ]; then
    systemctl restart kiosk.service
    echo "install.sh: kiosk started; systemctl status kiosk, journalctl -u kiosk -f"
  fi
else
  echo "install.sh: systemd is not running here; the unit is installed and starts on next boot once enabled" >&2
fi

echo "install.sh: done. Push content with: kiosk push PACK $user@$(hostname)"
