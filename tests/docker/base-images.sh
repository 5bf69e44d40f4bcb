# Sourced by check.sh. Makes the Dockerfile's two base images available under their real names:
# present already, pulled, or (where the Microsoft registry cannot be reached) built as local stand-ins
# from a Debian bookworm minbase rootfs plus this machine's own .NET installation, shaped like
# Microsoft's images (APP_UID=1654, a user `app` with that uid, the same container variables).

readonly SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
readonly ASPNET_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
readonly STANDIN_LABEL=org.creditsbot.standin-dotnet
readonly STANDIN_PACKAGES=ca-certificates,libicu72,libssl3,tzdata,libstdc++6,zlib1g
readonly APP_UID=1654

# A stand-in is kept while it carries this machine's .NET; one made from another .NET is made again.
host_dotnet_version() { dotnet --version; }
host_runtime_version() { dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" {v = $2} END {print v}'; }

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

standin_current() {
  local label
  label=$(docker image inspect --format "{{ index .Config.Labels \"$STANDIN_LABEL\" }}" "$1" 2>/dev/null) || return 1
  # A real image has no such label and is always current.
  [ -z "$label" ] || [ "$label" = "$(host_dotnet_version)" ]
}

ensure_base_images() {
  local missing=0 image
  for image in "$SDK_IMAGE" "$ASPNET_IMAGE"; do
    if image_present "$image" && standin_current "$image"; then continue; fi
    if timeout 60 docker pull -q "$image" >/dev/null 2>&1; then continue; fi
    missing=1
  done
  [ "$missing" -eq 0 ] || build_standins
}

# The Debian mirror apt uses here (deb822 or one-line sources), else Debian's default.
debian_mirror() {
  local uri
  uri=$(grep -hoE '^URIs: *http[^ ]*/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 | sed 's/^URIs: *//')
  [ -n "$uri" ] || uri=$(grep -hoE '^deb +http[^ ]*/debian/? ' /etc/apt/sources.list 2>/dev/null | head -n 1 | awk '{print $2}')
  echo "${uri:-http://deb.debian.org/debian}"
}

build_standins() {
  echo "docker check: building stand-ins for $SDK_IMAGE and $ASPNET_IMAGE (the registry cannot be reached)"
  command -v debootstrap >/dev/null || install_packages debootstrap || return 1
  local rootfs
  rootfs=$(mktemp -d /var/tmp/creditsbot-rootfs.XXXXXX)
  if ! debootstrap --variant=minbase --include="$STANDIN_PACKAGES" bookworm "$rootfs" "$(debian_mirror)" \
    >"$rootfs.log" 2>&1; then
    tail -n 20 "$rootfs.log"; rm -rf "$rootfs" "$rootfs.log"; return 1
  fi
  rm -f "$rootfs.log"
  shape_rootfs "$rootfs" &&
    import_rootfs "$rootfs" "$SDK_IMAGE" \
      "ENV DOTNET_SDK_VERSION=$(host_dotnet_version) DOTNET_GENERATE_ASPNET_CERTIFICATE=false DOTNET_NOLOGO=true DOTNET_USE_POLLING_FILE_WATCHER=true NUGET_XMLDOC_MODE=skip" &&
    strip_to_runtime "$rootfs/usr/share/dotnet" &&
    import_rootfs "$rootfs" "$ASPNET_IMAGE" "ENV ASPNET_VERSION=$(host_runtime_version)"
  local status=$?
  rm -rf "$rootfs"
  return "$status"
}

# The user, the CA bundle (so NuGet restore inside the build trusts what this machine trusts), .NET.
shape_rootfs() {
  local rootfs=$1
  chroot "$rootfs" groupadd --gid="$APP_UID" app &&
    chroot "$rootfs" useradd --no-log-init --uid="$APP_UID" --gid="$APP_UID" --create-home app || return 1
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  cp -a "$(dotnet_root)" "$rootfs/usr/share/dotnet"
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
}

dotnet_root() { dirname "$(readlink -f "$(command -v dotnet)")"; }

# The aspnet image carries the runtimes only.
strip_to_runtime() {
  rm -rf "$1/sdk" "$1/sdk-manifests" "$1/packs" "$1/templates" "$1/metadata" "$1/dnx"
}

# The variables every Microsoft .NET image sets, plus the ones of this kind of image ($3).
import_rootfs() {
  local rootfs=$1 tag=$2 extra=$3 version
  version=$(host_dotnet_version)
  tar -C "$rootfs" --numeric-owner -cf - . | docker import \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV APP_UID=$APP_UID ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_VERSION=$(host_runtime_version)" \
    --change "$extra" \
    --change "LABEL $STANDIN_LABEL=$version" \
    - "$tag" >/dev/null
}
