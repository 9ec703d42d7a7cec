#!/usr/bin/env bash
# Installs Debian's nginx for the tests that put a load balancer in front of several instances, when it is
# missing (as root), without starting the distribution's own server: each test runs its own nginx, on loopback,
# with a configuration of its own. Prints the path of the nginx binary.
set -euo pipefail

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx: installing Debian's nginx-light package" >&2
  apt-get update -qq >&2
  # policy-rc.d keeps the package's install from starting (and so holding port 80 with) its own server.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >&2 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >&2
  rm -f /usr/sbin/policy-rc.d
fi

command -v nginx || echo /usr/sbin/nginx
