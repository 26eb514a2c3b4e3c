#!/bin/sh
# Makes the release archives from the shaded jar; run by `mvn package` (exec-maven-plugin in
# pom.xml), after the shade plugin.
#
#   migsafe-VERSION.tar.gz             bin/migsafe + lib/migsafe.jar: needs a Java 17+ runtime
#   migsafe-VERSION-OS-ARCH.tar.gz     the same + runtime/, a jlink image: needs no Java at all
#
# each with a .sha256 beside it in the format `sha256sum -c` reads. The jlink image is of the
# JDK that runs the build, so it is named for the build machine's OS and architecture.
# -Dmigsafe.runtime.skip=true (MIGSAFE_RUNTIME_SKIP=true here) leaves the runtime image out:
# ./migsafe does, since it runs the jar with the JDK that built it.
#
# usage: package.sh VERSION TARGET_DIR JAVA_HOME MODULES_FILE
set -eu
version=$1 target=$2 jdk=$3 modules_file=$4
name="migsafe-$version"
stage="$target/release"
rm -rf "$stage"
mkdir -p "$stage/$name/bin" "$stage/$name/lib"
here=$(cd "$(dirname "$0")" && pwd)
cp "$here/bin/migsafe" "$stage/$name/bin/migsafe"
chmod 755 "$stage/$name/bin/migsafe"
cp "$target/migsafe.jar" "$stage/$name/lib/migsafe.jar"
cp "$here/../../README.md" "$stage/$name/README.md"

checksum() {
  (cd "$target" && sha256sum "$1" > "$1.sha256")
}

# A runtime archive of an earlier build must not pass for one of this jar.
rm -f "$target/$name"-*.tar.gz "$target/$name"-*.tar.gz.sha256
tar -czf "$target/$name.tar.gz" -C "$stage" "$name"
checksum "$name.tar.gz"

if [ "${MIGSAFE_RUNTIME_SKIP:-false}" = true ]; then
  exit 0
fi
if [ ! -d "$jdk/jmods" ]; then
  # Some distributions ship the JDK's jmods in a package of their own; without them jlink
  # cannot build an image. The jar archive is still made.
  echo "migsafe: $jdk has no jmods/ folder, so the self-contained archive is not made" >&2
  exit 0
fi
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $(uname -m) in
  x86_64|amd64) arch=x64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac
[ "$os" = darwin ] && os=macos
# Comments and blank lines in the module list are for people.
modules=$(grep -v '^#' "$modules_file" | grep -v '^$' | paste -sd, -)
# Compressed, without debug symbols, headers and man pages: 50 MB instead of 130 MB, and a
# default class-data-sharing archive so that bin/migsafe can add its own dynamic one on top.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive --output "$stage/$name/runtime" >/dev/null
full="$name-$os-$arch"
tar -czf "$target/$full.tar.gz" -C "$stage" "$name"
checksum "$full.tar.gz"
