#!/usr/bin/env bash
# Smoke-runs the image that build.sh made, with no container engine: unpacks the OCI archive's
# layers into a root filesystem (umoci), then runs the image's own entrypoint, user, and
# environment (read from its OCI config) in a chroot inside fresh mount, PID and network
# namespaces (only a loopback interface). The mappings are bind-mounted at /etc/tributary as a
# Kubernetes ConfigMap would be; a loopback sink (sink.py) runs in the same network namespace.
# The test posts a CloudEvent to the gateway and passes once the sink got it and the gateway's
# JVM loaded classes from the image's application class-data archive (/app/tributary.jsa).
#
#   infra/image/smoke.sh [IMAGE.tar]      default: gateway/target/tributary-image.oci.tar
#
# MANAGEMENT_PORT (default 9090, the gateway's management port) is where the image serves /health and /prometheus.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
archive=${1:-$repo/gateway/target/tributary-image.oci.tar}
management_port=${MANAGEMENT_PORT:-9090}
[ "$(id -u)" = 0 ] || { echo "smoke.sh: needs root (chroot, unshare)" >&2; exit 1; }
command -v umoci >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq umoci; }

work=$(mktemp -d /tmp/tributary-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/oci" "$work/conf" && tar -C "$work/oci" -xf "$archive"
tag=$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$work/oci/index.json")
umoci unpack --image "$work/oci:$tag" "$work/bundle" >/dev/null
rootfs=$work/bundle/rootfs
config=$work/oci/blobs/sha256/$(jq -r '.config.digest' "$work/oci/blobs/sha256/$(jq -r '.manifests[0].digest' "$work/oci/index.json" | cut -d: -f2)" | cut -d: -f2)
user=$(jq -r '.config.User' "$config")
jq -j '.config.Entrypoint[], .config.Cmd[] | . + "\u0000"' "$config" > "$work/command"
jq -j '.config.Env[] | . + "\u0000"' "$config" > "$work/environment"
echo "image $(jq -r '.config.Labels["org.opencontainers.image.title"]' "$config"):$tag, $(du -sh "$rootfs" | cut -f1) unpacked; user $user; command: $(tr '\0' ' ' < "$work/command")"

cat > "$work/conf/mappings.yaml" <<'YAML'
apiVersion: tributary.dev/v1
sources:
  hooks: { type: cloudevents, auth: none }   # loopback only: the smoke test posts unauthenticated
sinks:
  loopback: { type: http, url: 'http://127.0.0.1:9999/' }
routes:
  - name: smoke
    from: [hooks]
    to: [loopback]
YAML
mkdir -p "$rootfs/etc/tributary"
# What a container runtime provides: a host name and /etc/hosts that resolves it.
printf '127.0.0.1 localhost tributary-smoke\n::1 localhost ip6-localhost\n' > "$rootfs/etc/hosts"
touch "$work/received"

export rootfs work user management_port
unshare --mount --net --pid --uts --fork bash -ec '
  hostname tributary-smoke
  ip link set lo up
  mount -t proc proc "$rootfs/proc"
  # What a container runtime also provides: the devices the OCI runtime spec gives every container
  # (without /dev/urandom the JVM seeds SecureRandom from thread timings, about 8 s of start-up).
  mkdir -p "$rootfs/dev" && mount -t tmpfs -o mode=755,nosuid tmpfs "$rootfs/dev"
  for device in null zero full random urandom tty; do touch "$rootfs/dev/$device"; mount --bind "/dev/$device" "$rootfs/dev/$device"; done
  mount --bind -o ro "$work/conf" "$rootfs/etc/tributary"
  mapfile -d "" -t command < "$work/command"
  mapfile -d "" -t environment < "$work/environment"
  python3 infra/image/sink.py 127.0.0.1:9999 "$work/received" & sink=$!
  # A JVM that cannot use a class-data archive only warns and starts slower (neither -Xshare:on
  # nor an "Opened archive" line proves the application archive was used: the JVM refuses it
  # only after opening and mapping it). So the gateway logs where each class came from, through
  # JAVA_TOOL_OPTIONS, which leaves the JDK_JAVA_OPTIONS of the image as they are.
  env -i "${environment[@]}" TRIBUTARY_MAPPINGS=/etc/tributary/mappings.yaml \
    JAVA_TOOL_OPTIONS=-Xlog:class+load=info:file=/tmp/class-load.log \
    "$(command -v chroot)" --userspec="$user" "$rootfs" "${command[@]}" > "$work/gateway.log" 2>&1 & gateway=$!
  started=$(date +%s%N)
  until curl -fs "http://127.0.0.1:$management_port/health/readiness" >/dev/null; do
    kill -0 $gateway 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
    [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 60 ] || { echo "not ready after 60 s"; cat "$work/gateway.log"; exit 1; }
    sleep 0.1
  done
  echo "ready after $(( ($(date +%s%N) - started) / 1000000 )) ms: $(curl -s "http://127.0.0.1:$management_port/health/readiness")"
  curl -s -o /dev/null -w "POST /sources/hooks -> %{http_code}\n" http://127.0.0.1:8080/sources/hooks \
    -H "ce-specversion: 1.0" -H "ce-id: smoke-1" -H "ce-source: /smoke" -H "ce-type: dev.tributary.smoke" \
    -H "content-type: application/json" -d "{\"hello\":\"image\"}"
  for _ in $(seq 50); do grep -q smoke-1 "$work/received" && break; sleep 0.1; done
  echo "sink received: $(cat "$work/received")"
  curl -s "http://127.0.0.1:$management_port/prometheus" | grep "^tributary_deliveries_total" || true
  kill -TERM $gateway; wait $gateway || true
  kill $sink
  echo "gateway log:"; sed "s/^/  | /" "$work/gateway.log"
  grep -q smoke-1 "$work/received"
  loaded=$(wc -l < "$rootfs/tmp/class-load.log")
  top=$(grep -c "source: shared objects file (top)$" "$rootfs/tmp/class-load.log" || true)
  base=$(grep -c "source: shared objects file$" "$rootfs/tmp/class-load.log" || true)
  echo "class-data archives: of $loaded classes loaded, $top came from /app/tributary.jsa and $base from /opt/java/lib/server/classes.jsa"
  [ "$top" -gt 0 ] || { echo "smoke: FAIL (the gateway did not use its class-data archive /app/tributary.jsa)"; exit 1; }
'
echo "smoke: PASS (the gateway started from its class-data archive; the event went through it to the loopback sink)"
