#!/usr/bin/env bash
# Packs the secure-manifests tool as users get it (the pointer package, the native linux-x64 package and the
# framework-dependent "any" package) into .tools/native-feed, and installs it from there with `dotnet tool install`
# into .tools/native, where NativeToolTests finds it. Run after install-csharp-ls.sh, which empties .tools.
# The install restores into its own package folder, so a tool of the same version cached by an earlier run is never
# what gets tested.
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration=${1:-Release}
feed=.tools/native-feed
project=src/SecureManifests.Cli/SecureManifests.Cli.csproj
# A tool package takes its whole publish folder: files left there by an earlier publish must not ship.
rm -rf "$feed" .tools/native .tools/native-packages "src/SecureManifests.Cli/bin/$configuration/net10.0/linux-x64/publish"
# The pointer package (it names the platform packages), the native one, and the framework-dependent fallback.
dotnet pack "$project" -c "$configuration" -o "$feed" -nologo -v q
dotnet pack "$project" -c "$configuration" -r linux-x64 -o "$feed" -nologo -v q
dotnet pack "$project" -c "$configuration" -r any -o "$feed" -nologo -v q
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$project")
NUGET_PACKAGES="$PWD/.tools/native-packages" \
  dotnet tool install SecureManifests.Cli --version "$version" --tool-path .tools/native --add-source "$feed"
reported=$(.tools/native/secure-manifests --version)
case "$reported" in
  "secure-manifests $version"*) echo "native tool: $reported" ;;
  *) echo ".tools/native/secure-manifests does not run as version $version: $reported" >&2; exit 1 ;;
esac
