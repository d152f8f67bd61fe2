#!/usr/bin/env bash
# Installs the csharp-ls language server, the editor the packaging tests drive over LSP, into the repository's
# .tools/ (ignored by git), where EditorTests looks for it. The version is written here and nowhere else.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=0.28.0
rm -rf .tools
dotnet tool install csharp-ls --version "$version" --tool-path .tools
reported=$(.tools/csharp-ls --version 2>&1)
case "$reported" in
  "csharp-ls, $version "*) echo "$reported" ;;
  *) echo "csharp-ls in .tools does not run as version $version: $reported" >&2; exit 1 ;;
esac
