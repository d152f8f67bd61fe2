using System.Text;
using System.Text.RegularExpressions;

namespace SecureManifests.Cli.Config;

/// <summary>
/// One <c>ignore-paths</c> pattern, relative to the config file's folder, in the gitignore manner most repositories
/// already use: <c>*</c> matches within one path segment, <c>?</c> one character of it, <c>**</c> any number of whole
/// segments; a pattern without a <c>/</c> (other than a trailing one) matches a file or folder name at any depth, one
/// with a <c>/</c> is anchored at the config's folder; a pattern that matches a folder ignores everything below it.
/// Matching is ordinal and case-sensitive, as paths are on Linux CI runners.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string pattern, string baseFolder, Regex regex)
    {
        Pattern = pattern;
        BaseFolder = baseFolder;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The absolute folder the pattern is relative to.</summary>
    public string BaseFolder { get; }

    /// <summary>The pattern, or the one-line problem with it.</summary>
    public static (PathGlob? Glob, string? Problem) Create(string pattern, string baseFolder)
    {
        var text = pattern.Trim();
        if (text.Length == 0)
        {
            return (null, "an ignore pattern cannot be empty");
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            return (null, $"ignore pattern '{pattern}': write paths with '/', not '\\'");
        }

        var anchored = text.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        var segments = text.Trim('/').Split('/');
        if (segments.Any(s => s is ".." or "." or ""))
        {
            return (null, $"ignore pattern '{pattern}': patterns are relative to the config file's folder and cannot hold '.', '..' or '//'");
        }

        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] == "**")
            {
                // Zero or more whole segments: "a/**/b" matches a/b and a/x/y/b; a trailing ** everything below.
                regex.Append(i == segments.Length - 1 ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segments[i])
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (i < segments.Length - 1)
            {
                regex.Append('/');
            }
        }

        // What is below a matched folder is ignored with it.
        regex.Append("(?:/.*)?$");
        var compiled = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return (new PathGlob(pattern, Path.TrimEndingDirectorySeparator(baseFolder), compiled), null);
    }

    /// <summary>Whether the file at <paramref name="fullPath"/> is ignored; files outside the base folder never are.</summary>
    public bool Matches(string fullPath)
    {
        var relative = Path.GetRelativePath(BaseFolder, fullPath).Replace('\\', '/');
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        return _regex.IsMatch(relative);
    }
}
