using System.Diagnostics.CodeAnalysis;

namespace SecureManifests.Validation;

/// <summary>
/// A container image reference parsed per the distribution reference grammar:
/// <c>[registry[:port]/]path[:tag][@algorithm:digest]</c>.
/// </summary>
public sealed class ImageReference
{
    private const int MaxTagLength = 128;
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private ImageReference(string value, string repository, string? tag, string? digest)
    {
        Value = value;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The reference exactly as written.</summary>
    public string Value { get; }

    /// <summary>Registry and path, without tag or digest.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    /// <summary>The digest including its algorithm, e.g. <c>sha256:...</c>.</summary>
    public string? Digest { get; }

    /// <summary>A digest pins the content; otherwise a tag other than <c>latest</c> is required.</summary>
    public bool IsMutable => Rules.ImageReference.Parse(Value).IsMutable;

    public static bool TryParse(string? value, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? problem)
    {
        reference = null;
        problem = Check(value, out var repository, out var tag, out var digest);
        if (problem is not null)
        {
            return false;
        }

        reference = new ImageReference(value!, repository!, tag, digest);
        return true;
    }

    private static string? Check(string? value, out string? repository, out string? tag, out string? digest)
    {
        repository = tag = digest = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return "an image reference is required";
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"'{value}' contains white space";
        }

        var rest = value;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!IsDigest(digest))
            {
                return $"'{value}' has a malformed digest; expected sha256: followed by 64 lower-case hex digits";
            }
        }

        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.IndexOf(':', lastSlash + 1);
        if (colon >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!IsTag(tag))
            {
                return $"'{value}' has a malformed tag; a tag is 1-{MaxTagLength} of [A-Za-z0-9_.-], not starting with '.' or '-'";
            }
        }

        repository = rest;
        var components = rest.Split('/');
        var first = 0;
        if (components.Length > 1 && LooksLikeRegistry(components[0]))
        {
            if (!IsRegistry(components[0]))
            {
                return $"'{value}' has a malformed registry '{components[0]}'";
            }

            first = 1;
        }

        for (var i = first; i < components.Length; i++)
        {
            if (!IsPathComponent(components[i]))
            {
                return $"'{value}' has a malformed repository path '{components[i]}'; use lower-case letters, digits and separators '.', '_', '__', '-'";
            }
        }

        return null;
    }

    // The distribution grammar treats the first component as a registry when it has '.', ':' or is "localhost".
    private static bool LooksLikeRegistry(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";

    private static bool IsRegistry(string component)
    {
        var colon = component.LastIndexOf(':');
        var host = colon >= 0 ? component[..colon] : component;
        if (colon >= 0)
        {
            var port = component[(colon + 1)..];
            if (port.Length == 0 || !port.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return host.Length > 0 && host.Split('.').All(label =>
            label.Length > 0 && char.IsAsciiLetterOrDigit(label[0]) && char.IsAsciiLetterOrDigit(label[^1]) &&
            label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    private static bool IsPathComponent(string component)
    {
        if (component.Length == 0 || !IsLowerAlnum(component[0]) || !IsLowerAlnum(component[^1]))
        {
            return false;
        }

        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (IsLowerAlnum(c))
            {
                continue;
            }

            // Separators: '.', '_', '__' or one or more '-'; never two separators of different kinds in a row.
            if (c is '.' or '_' or '-')
            {
                var next = component[i + 1];
                if (IsLowerAlnum(next) || (c == '_' && next == '_' && i + 2 < component.Length && IsLowerAlnum(component[i + 2])) || (c == '-' && next == '-'))
                {
                    if (c == '_' && next == '_')
                    {
                        i++;
                    }

                    continue;
                }
            }

            return false;
        }

        return true;
    }

    private static bool IsTag(string tag) =>
        tag.Length is > 0 and <= MaxTagLength && (char.IsAsciiLetterOrDigit(tag[0]) || tag[0] == '_') &&
        tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static bool IsDigest(string digest)
    {
        const string prefix = "sha256:";
        return digest.StartsWith(prefix, StringComparison.Ordinal) && digest.Length == prefix.Length + 64 &&
               digest.AsSpan(prefix.Length).IndexOfAnyExcept(LowerHex) < 0;
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
