#!/usr/bin/env bash
# `npm test` runs this first (npm's pretest). The SSH pre-flight tests start a real OpenSSH
# server on loopback, with pam_wrapper serving password logins from a test passdb, so they
# need `sshd` and libpam-wrapper's pam_matrix.so. Install them when this machine can (Debian
# or Ubuntu, as root or with passwordless sudo); otherwise stop and say what is missing:
# the SSH suite is never skipped.
set -euo pipefail

have_sshd() { command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || [ -x /usr/local/sbin/sshd ]; }
have_pam_matrix() { compgen -G "/usr/lib/*/pam_wrapper/pam_matrix.so" >/dev/null || compgen -G "/usr/lib*/pam_wrapper/pam_matrix.so" >/dev/null; }

if have_sshd && have_pam_matrix; then exit 0; fi

missing=()
have_sshd || missing+=(openssh-server)
have_pam_matrix || missing+=(libpam-wrapper)

sudo=""
[ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo="sudo"; }
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; }; then
  echo "test prerequisites: installing ${missing[*]} (the SSH pre-flight tests run a real sshd on loopback)"
  log="$(mktemp)"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
  fi
  rm -f "$log"
  if have_sshd && have_pam_matrix; then exit 0; fi
fi

echo "error: the SSH pre-flight tests need ${missing[*]} (OpenSSH's sshd and pam_wrapper's pam_matrix.so)." >&2
echo "  hint: on Debian or Ubuntu: sudo apt-get install openssh-server libpam-wrapper; then npm test again" >&2
exit 1
