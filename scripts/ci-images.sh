#!/usr/bin/env bash
# Prepares the real components the image integration tests meet:
#   - installs umoci, skopeo, debootstrap, docker-registry and busybox-static (Debian packages);
#   - builds two OCI images with umoci (busybox-static, and a debootstrap minbase Debian root),
#     cached between runs outside the repository;
#   - saves them as docker-archive and OCI-archive tarballs;
#   - starts two registries on loopback (anonymous, and token-authenticated) and pushes the images
#     to the anonymous one;
#   - writes $CACHE/env.json, which test/images/components.ts reads.
#
# Usage: scripts/ci-images.sh [start|build|stop]   (default: start = build + registries)
# Cache: $DRYDOCK_TEST_CACHE, else $XDG_CACHE_HOME/drydock-test, else /var/cache/drydock-test.
set -euo pipefail

MODE="${1:-start}"
CACHE="${DRYDOCK_TEST_CACHE:-${XDG_CACHE_HOME:-/var/cache}/drydock-test}"
RUN="$CACHE/run"
ANON_PORT="${DRYDOCK_REGISTRY_PORT:-5710}"
TOKEN_PORT="${DRYDOCK_TOKEN_REGISTRY_PORT:-5711}"
REALM_PORT="${DRYDOCK_TOKEN_REALM_PORT:-5712}"
DEBIAN_SUITE="${DRYDOCK_DEBIAN_SUITE:-bookworm}"
DEBIAN_MIRROR="${DRYDOCK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$CACHE" "$RUN"

log() { printf '[ci-images] %s\n' "$*" >&2; }

stop_registries() {
  for name in anon token; do
    local pidfile="$RUN/registry-$name.pid"
    if [[ -f "$pidfile" ]]; then
      local pid
      pid="$(cat "$pidfile")"
      if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
      rm -f "$pidfile"
    fi
  done
}

if [[ "$MODE" == "stop" ]]; then
  stop_registries
  log "registries stopped"
  exit 0
fi

install_packages() {
  local need=()
  command -v umoci >/dev/null || need+=(umoci)
  command -v skopeo >/dev/null || need+=(skopeo)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  command -v docker-registry >/dev/null || need+=(docker-registry)
  [[ -x /bin/busybox ]] || need+=(busybox-static)
  command -v openssl >/dev/null || need+=(openssl)
  command -v curl >/dev/null || need+=(curl)
  if ((${#need[@]} > 0)); then
    log "installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if command -v flock >/dev/null; then
      flock /tmp/apt.lock apt-get update -qq
      flock /tmp/apt.lock apt-get install -y -qq "${need[@]}" >/dev/null
    else
      apt-get update -qq
      apt-get install -y -qq "${need[@]}" >/dev/null
    fi
  fi
}

# A layer tarball from a staging directory, owned by root, reproducible.
layer_tar() { # dir out
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2024-01-01 00:00:00' -C "$1" -cf "$2" .
}

build_busybox() {
  local oci="$CACHE/oci" stage="$CACHE/stage-busybox"
  if [[ -f "$CACHE/busybox.v2.done" ]]; then return; fi
  log "building busybox image"
  rm -rf "$stage" && mkdir -p "$stage"/{l1,l2,l3}
  # Layer 1: a minimal root with busybox-static.
  mkdir -p "$stage/l1"/{bin,etc,tmp,root,usr/bin}
  cp /bin/busybox "$stage/l1/bin/busybox"
  for tool in sh ls cat echo id; do ln -s busybox "$stage/l1/bin/$tool"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$stage/l1/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$stage/l1/etc/group"
  printf 'NAME="BusyBox"\nID=busybox\nVERSION_ID=1\n' >"$stage/l1/etc/os-release"
  chmod 1777 "$stage/l1/tmp"
  # Layer 2: a private key and a world-writable file, added by mistake.
  mkdir -p "$stage/l2/app"
  # Random bytes shaped like a PEM key: secret detectors must find it although a later layer deletes it.
  { echo '-----BEGIN RSA PRIVATE KEY-----'; head -c 900 /dev/urandom | base64 -w 64; echo '-----END RSA PRIVATE KEY-----'; } >"$stage/l2/app/id_rsa"
  printf 'hello\n' >"$stage/l2/app/data.txt"
  chmod 666 "$stage/l2/app/data.txt"
  # Layer 3: the key is deleted (a whiteout), a setuid helper appears.
  mkdir -p "$stage/l3/app" "$stage/l3/usr/bin"
  : >"$stage/l3/app/.wh.id_rsa"
  printf '#!/bin/sh\n' >"$stage/l3/usr/bin/helper"
  chmod 4755 "$stage/l3/usr/bin/helper"
  for l in l1 l2 l3; do layer_tar "$stage/$l" "$stage/$l.tar"; done
  [[ -d "$oci" ]] || umoci init --layout "$oci"
  umoci rm --image "$oci:busybox" 2>/dev/null || true
  rm -rf "$CACHE/busybox.docker.tar" "$CACHE/busybox.oci.tar" "$CACHE/oci-zstd"
  umoci new --image "$oci:busybox"
  umoci raw add-layer --image "$oci:busybox" --history.created_by 'COPY busybox /bin/busybox' "$stage/l1.tar"
  umoci raw add-layer --image "$oci:busybox" --history.created_by 'ADD app/ /app/' "$stage/l2.tar"
  umoci raw add-layer --image "$oci:busybox" --history.created_by 'RUN rm /app/id_rsa && chmod u+s /usr/bin/helper' "$stage/l3.tar"
  umoci config --image "$oci:busybox" --config.cmd /bin/sh --config.env 'PATH=/bin:/usr/bin' \
    --config.env 'API_TOKEN=drydock-test-token-0123456789' --config.exposedports 22/tcp \
    --config.label org.opencontainers.image.title=drydock-busybox --os linux --architecture amd64
  rm -rf "$stage"
  touch "$CACHE/busybox.v2.done"
}

build_debian() {
  local oci="$CACHE/oci" rootfs="$CACHE/debian-rootfs.tar"
  if [[ -f "$CACHE/debian.done" ]]; then return; fi
  if [[ ! -f "$rootfs" ]]; then
    log "debootstrap --variant=minbase $DEBIAN_SUITE (cached in $CACHE)"
    local root="$CACHE/debian-root"
    rm -rf "$root"
    mkdir -p "$CACHE/debs"
    debootstrap --variant=minbase --cache-dir="$CACHE/debs" "$DEBIAN_SUITE" "$root" "$DEBIAN_MIRROR" >"$CACHE/debootstrap.log" 2>&1 || {
      tail -20 "$CACHE/debootstrap.log" >&2
      exit 1
    }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/proc/* "$root"/sys/* "$root"/dev/*
    tar --sort=name --numeric-owner -C "$root" -cf "$rootfs.tmp" .
    mv "$rootfs.tmp" "$rootfs"
    rm -rf "$root"
  fi
  log "building debian image"
  [[ -d "$oci" ]] || umoci init --layout "$oci"
  umoci rm --image "$oci:debian" 2>/dev/null || true
  rm -f "$CACHE/debian.docker.tar" "$CACHE/debian.oci.tar"
  umoci new --image "$oci:debian"
  umoci raw add-layer --image "$oci:debian" --history.created_by "debootstrap --variant=minbase $DEBIAN_SUITE" "$rootfs"
  umoci config --image "$oci:debian" --config.cmd /bin/bash --config.user 1000:1000 --os linux --architecture amd64
  touch "$CACHE/debian.done"
}

save_archives() {
  local oci="$CACHE/oci"
  for img in busybox debian; do
    if [[ ! -f "$CACHE/$img.docker.tar" ]]; then
      skopeo copy --quiet "oci:$oci:$img" "docker-archive:$CACHE/$img.docker.tar.tmp:drydock-test/$img:1" && mv "$CACHE/$img.docker.tar.tmp" "$CACHE/$img.docker.tar"
    fi
    if [[ ! -f "$CACHE/$img.oci.tar" ]]; then
      skopeo copy --quiet "oci:$oci:$img" "oci-archive:$CACHE/$img.oci.tar.tmp:$img" && mv "$CACHE/$img.oci.tar.tmp" "$CACHE/$img.oci.tar"
    fi
  done
}

# The busybox image again, with zstd-compressed layers (an OCI layout directory).
save_zstd() {
  if [[ ! -f "$CACHE/oci-zstd/index.json" ]]; then
    skopeo copy --quiet --dest-compress-format zstd "oci:$CACHE/oci:busybox" "oci:$CACHE/oci-zstd:busybox"
  fi
}

make_token_keys() {
  local dir="$CACHE/token"
  if [[ -f "$dir/cert.pem" ]]; then return; fi
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj '/CN=drydock-test-token' -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
}

wait_http() { # url
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  log "not ready: $1"
  return 1
}

start_registry() { # name port extra-auth-yaml
  local name="$1" port="$2" auth="$3"
  local dir="$RUN/registry-$name"
  local pidfile="$RUN/registry-$name.pid"
  # Already answering (started by an earlier run): keep it.
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/v2/"; then return; fi
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
$auth
EOF
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  echo $! >"$pidfile"
  wait_http "http://127.0.0.1:$port/v2/"
}

push_images() {
  for img in busybox debian; do
    skopeo copy --quiet --dest-tls-verify=false "oci:$CACHE/oci:$img" "docker://127.0.0.1:$ANON_PORT/drydock-test/$img:1"
  done
}

install_packages
build_busybox
build_debian
save_archives
save_zstd
make_token_keys
if [[ "$MODE" == "build" ]]; then exit 0; fi

start_registry anon "$ANON_PORT" ""
start_registry token "$TOKEN_PORT" "auth:
  token:
    realm: http://127.0.0.1:$REALM_PORT/token
    service: drydock-test-registry
    issuer: drydock-test-issuer
    rootcertbundle: $CACHE/token/cert.pem"
push_images

cat >"$CACHE/env.json" <<EOF
{
  "cache": "$CACHE",
  "oci": "$CACHE/oci",
  "ociZstd": "$CACHE/oci-zstd",
  "archives": {
    "busybox": { "docker": "$CACHE/busybox.docker.tar", "oci": "$CACHE/busybox.oci.tar" },
    "debian": { "docker": "$CACHE/debian.docker.tar", "oci": "$CACHE/debian.oci.tar" }
  },
  "registry": "127.0.0.1:$ANON_PORT",
  "tokenRegistry": "127.0.0.1:$TOKEN_PORT",
  "tokenRealmPort": $REALM_PORT,
  "tokenService": "drydock-test-registry",
  "tokenIssuer": "drydock-test-issuer",
  "tokenKey": "$CACHE/token/key.pem",
  "tokenCert": "$CACHE/token/cert.pem"
}
EOF
log "ready: registries on 127.0.0.1:$ANON_PORT (anonymous) and 127.0.0.1:$TOKEN_PORT (token, realm :$REALM_PORT); env in $CACHE/env.json"
