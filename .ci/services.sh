#!/usr/bin/env bash
# Start PostgreSQL and Redis for the store and queue tests if they are not running, and wait until
# both answer. Idempotent: safe to run when they are already up. Used by .ci/run.
set -euo pipefail

wait_for() { # name, command...
  local name=$1; shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then echo "services: $name ready"; return 0; fi
    sleep 0.5
  done
  echo "services: $name did not become ready" >&2
  return 1
}

# PostgreSQL (Debian's cluster tools; trust auth for local users).
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n1)
    echo "services: starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  else
    echo "services: PostgreSQL is not installed (apt-get install postgresql)" >&2
  fi
fi
wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432
# The test database and a role for the current user (both may exist already).
if command -v psql >/dev/null 2>&1; then
  user=$(id -un)
  su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$user'\"" 2>/dev/null | grep -q 1 \
    || su postgres -c "psql -qc 'create role \"$user\" superuser login'" >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -d postgres -qtAc "select 1 from pg_database where datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -d postgres -qc 'create database test' >/dev/null 2>&1 || true
fi

# Redis (no persistence: the tests make their own data).
if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "services: starting Redis"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
  else
    echo "services: Redis is not installed (apt-get install redis-server)" >&2
  fi
fi
wait_for Redis sh -c 'redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG'
