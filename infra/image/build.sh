#!/usr/bin/env bash
# Builds the gateway's container image as an OCI archive, with no container engine and no
# registry: the base is Debian's own packages (the C and C++ runtime libraries the JVM links
# against, fetched with apt-get download and unpacked), the Java runtime is jlinked from the
# build machine's JDK 17 (only the modules the gateway uses), and umoci assembles the layers.
#
#   infra/image/build.sh [OUTPUT.tar]      default: gateway/target/tributary-image.oci.tar
#
# The image is dev.local/tributary:0.1.0, the name infra/kubernetes/ and infra/knative/ use
# (dev.local: Knative does not try to resolve its tag in a registry); the archive's index
# names it by its tag, 0.1.0.
#
# Layers: 1 Debian runtime libraries + a non-root user, 2 the jlinked JRE (with its base
# class-data archive), 3 the gateway (tributary.jar, jvm.options, and the application class-data
# archive recorded here by the image's own JVM at the image's own paths, in a chroot with its own
# network namespace). Needs root (chroot, unshare), umoci (apt-get install umoci), a JDK 17 with
# jmods, and the packaged jar (mvn -B -ntp -pl gateway -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
out=${1:-$repo/gateway/target/tributary-image.oci.tar}
name=dev.local/tributary
tag=0.1.0
jar=$repo/gateway/target/tributary.jar
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# jdeps --print-module-deps --multi-release 17 on the shaded jar (takes a minute, so not run here),
# plus jdk.crypto.ec for TLS with EC keys and jdk.zipfs for Micronaut's jar resources:
modules=java.base,java.desktop,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs
debs=(libc6 libgcc-s1 libstdc++6 zlib1g netbase tzdata)
uid=65532

[ "$(id -u)" = 0 ] || { echo "build.sh: needs root (chroot and unshare record the class-data archive)" >&2; exit 1; }
[ -f "$jar" ] || { echo "build.sh: $jar missing: mvn -B -ntp -pl gateway -am package -DskipTests" >&2; exit 1; }
[ -d "$java_home/jmods" ] || { echo "build.sh: $java_home has no jmods (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
command -v umoci >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq umoci; }

work=$(mktemp -d /tmp/tributary-image.XXXXXX) && chmod 755 "$work"
trap 'umount -l "$work/bundle/rootfs/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
oci=$work/oci bundle=$work/bundle rootfs=$work/bundle/rootfs

umoci init --layout "$oci"
umoci new --image "$oci:$tag"
umoci unpack --image "$oci:$tag" "$bundle"

echo "== layer 1: Debian runtime libraries (${debs[*]}) and user $uid"
mkdir -p "$work/debs" && chmod 777 "$work/debs" && (cd "$work/debs" && apt-get download -qq "${debs[@]}")
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
rm -rf "$rootfs"/usr/share/{doc,man,info,lintian,locale} "$rootfs"/usr/share/zoneinfo/{posix,right}
mkdir -p "$rootfs"/{etc,tmp,proc,home/tributary} && chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\ntributary:x:%s:%s:tributary:/home/tributary:/sbin/nologin\n' $uid $uid > "$rootfs/etc/passwd"
printf 'root:x:0:\ntributary:x:%s:\n' $uid > "$rootfs/etc/group"
chown $uid:$uid "$rootfs/home/tributary"
versions=$(for deb in "$work"/debs/*.deb; do dpkg-deb -f "$deb" Package Version | paste -sd= ; done | paste -sd' ')
umoci repack --refresh-bundle --image "$oci:$tag" "$bundle"

echo "== layer 2: Java runtime, jlinked from $java_home"
jlink --module-path "$java_home/jmods" --add-modules "$modules" --output "$rootfs/opt/java" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive
# Debian's JDK links its trust store to the system's: carry the file itself.
rm -f "$rootfs/opt/java/lib/security/cacerts"
cp -L "$java_home/lib/security/cacerts" "$rootfs/opt/java/lib/security/cacerts"
umoci repack --refresh-bundle --image "$oci:$tag" "$bundle"

echo "== layer 3: the gateway, and its class-data archive recorded by the image's JVM"
mkdir -p "$rootfs/app"
cp "$jar" "$rootfs/app/tributary.jar"
# The dynamic archive records the jar's modification time (whole seconds) and the JVM refuses the
# archive ("The top archive failed to load") when the jar it runs differs. umoci's layer tar keeps
# whole seconds only, rounded to the nearest, so a copy made at x.5 s or later would come out of
# the image a second newer than the jar the archive was recorded with: give the copy a whole-second
# time (the jar's own, truncated) before recording, so the layer carries it unchanged.
touch -d "@$(stat -c %Y "$jar")" "$rootfs/app/tributary.jar"
cp gateway/jvm.options "$rootfs/app/jvm.options"
cp gateway/src/build/training-mappings.yaml "$rootfs/tmp/training-mappings.yaml"
# The recording run gets the devices a container runtime gives every container (the OCI runtime
# spec's defaults): without /dev/urandom the JVM seeds SecureRandom from thread timings, which
# takes about 8 s and is not the path the gateway takes in a container. A tmpfs holds them, so
# nothing of it stays in the layer.
mkdir "$rootfs/dev"
unshare --mount --net --pid --fork sh -ec '
  ip link set lo up
  mount -t proc proc "$1/proc"
  mount -t tmpfs -o mode=755,nosuid tmpfs "$1/dev"
  for device in null zero full random urandom tty; do touch "$1/dev/$device"; mount --bind "/dev/$device" "$1/dev/$device"; done
  env -i TRIBUTARY_MAPPINGS=/tmp/training-mappings.yaml \
    "$(command -v chroot)" "$1" /opt/java/bin/java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/tributary.jsa \
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar /app/tributary.jar serve --exit-when-ready --micronaut.server.port=-1
  umount "$1/proc"' sh "$rootfs"
rmdir "$rootfs/dev"
# The training run's performance-data directory is no part of the image.
rm -rf "$rootfs/tmp/training-mappings.yaml" "$rootfs/tmp/hsperfdata_root"
chmod 444 "$rootfs/app/tributary.jsa"
umoci repack --refresh-bundle --image "$oci:$tag" "$bundle"

umoci config --image "$oci:$tag" \
  --config.user "$uid:$uid" --config.workingdir /home/tributary \
  --config.entrypoint /opt/java/bin/java --config.entrypoint -jar --config.entrypoint /app/tributary.jar \
  --config.cmd serve \
  --config.env PATH=/opt/java/bin:/usr/bin:/bin \
  --config.env 'JDK_JAVA_OPTIONS=@/app/jvm.options -XX:SharedArchiveFile=/app/tributary.jsa' \
  --config.exposedports 8080/tcp --config.exposedports 9090/tcp \
  --config.label org.opencontainers.image.title="$name" \
  --config.label org.opencontainers.image.version="$tag" \
  --config.label org.opencontainers.image.source=https://github.com/tributary-dev/tributary \
  --config.label dev.tributary.image.debian-packages="$versions" \
  --config.label dev.tributary.image.java-runtime="$("$rootfs/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')" \
  --history.created_by "infra/image/build.sh"
umoci gc --layout "$oci"

mkdir -p "$(dirname "$out")"
tar -C "$oci" -cf "$out" .
echo "== image $name:$tag -> $out ($(du -h "$out" | cut -f1))"
for blob in $(jq -r '.layers[].digest' < "$oci/blobs/sha256/$(jq -r '.manifests[0].digest' "$oci/index.json" | cut -d: -f2)" | cut -d: -f2); do
  printf '   layer %s  %s compressed\n' "${blob:0:12}" "$(du -h "$oci/blobs/sha256/$blob" | cut -f1)"
done
