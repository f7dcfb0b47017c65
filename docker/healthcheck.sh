#!/bin/bash
# Container health probe of the portal: succeeds only when GET /health/ready answers 200
# (MicroProfile Health answers 503 while a check, e.g. "database", is DOWN).
# The Payara Micro image ships neither curl nor wget, so this speaks HTTP/1.0 through bash's
# /dev/tcp; it needs only bash, head and timeout (coreutils) from the base image.
set -u
port="${1:-8080}"
path="${2:-/health/ready}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "${path}" >&3
status_line="$(timeout 5 head -n 1 <&3)" || exit 1
exec 3<&-
case "${status_line}" in
    HTTP/1.?\ 200*) exit 0 ;;
    *) echo "not ready: ${status_line}" >&2; exit 1 ;;
esac
