# Sourced by .ci/run: Debian's dovecot, the real IMAP server the mail-ingestion tests start on 127.0.0.1
# (tests/server/mail/imap-peer.ts). Only the binary is needed: the tests run their own throw-away instance.
if [ ! -x /usr/sbin/dovecot ]; then
  echo "Installing dovecot-imapd from Debian's packages" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd >&2
fi
