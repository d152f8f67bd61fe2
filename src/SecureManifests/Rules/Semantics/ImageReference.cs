#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// A container image reference, <c>[registry[:port]/]path[:tag][@algorithm:digest]</c>, per the distribution
/// reference grammar. The one definition of what SM2001 and SM2002 mean: the SDK validates images with
/// <see cref="TryParse"/> when they are defined, and lint, synth and the analyzers judge any string with
/// <see cref="Parse"/>. A digest pins the content only when it is a well-formed <c>sha256</c> or <c>sha512</c>
/// digest (the algorithms the OCI image spec registers); anything else after <c>@</c> pins nothing.
/// </summary>
public sealed class ImageReference
{
    private const int MaxTagLength = 128;

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

    /// <summary>The tag, or null when there is none (an empty tag, <c>nginx:</c>, is none).</summary>
    public string? Tag { get; }

    /// <summary>Whatever follows <c>@</c>, well-formed or not; null without one.</summary>
    public string? Digest { get; }

    /// <summary>Whether the reference carries a well-formed digest, which pins its content.</summary>
    public bool IsPinnedByDigest => Digest is not null && IsDigest(Digest);

    /// <summary>Whether text after <c>@</c> is not a digest that pins anything (<c>nginx@foo</c>, <c>@md5:x</c>).</summary>
    public bool HasMalformedDigest => Digest is not null && !IsDigest(Digest);

    /// <summary>SM2001: not pinned by digest, and no tag or the tag <c>latest</c>.</summary>
    public bool IsMutable => !IsPinnedByDigest && (Tag is null || string.Equals(Tag, MutableTag, StringComparison.Ordinal));

    /// <summary>Splits any string leniently (lint judges what it is given); a port in the registry host is not a tag.</summary>
    public static ImageReference Parse(string image)
    {
        if (image is null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        Split(image, out var repository, out var tag, out var digest);
        return new ImageReference(image, repository, string.IsNullOrEmpty(tag) ? null : tag, digest);
    }

    /// <summary>Validates <paramref name="value"/> against the grammar; <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string? value, out ImageReference? reference, out string? problem)
    {
        reference = null;
        problem = Check(value);
        if (problem is not null)
        {
            return false;
        }

        reference = Parse(value!);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static void Split(string image, out string repository, out string? tag, out string? digest)
    {
        var at = image.IndexOf('@');
        digest = at >= 0 ? image.Substring(at + 1) : null;
        var name = at >= 0 ? image.Substring(0, at) : image;
        var lastSlash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', lastSlash + 1);
        tag = colon >= 0 ? name.Substring(colon + 1) : null;
        repository = colon >= 0 ? name.Substring(0, colon) : name;
    }

    private static string? Check(string? value)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return "an image reference is required";
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return $"'{value}' contains white space";
            }
        }

        Split(value, out var repository, out var tag, out var digest);
        if (digest is not null && !IsDigest(digest))
        {
            return $"'{value}' has a malformed digest; expected sha256: followed by 64 lower-case hex digits (or sha512: and 128)";
        }

        if (tag is not null && !IsTag(tag))
        {
            return $"'{value}' has a malformed tag; a tag is 1-{MaxTagLength} of [A-Za-z0-9_.-], not starting with '.' or '-'";
        }

        var components = repository.Split('/');
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
        component.IndexOf('.') >= 0 || component.IndexOf(':') >= 0 || component == "localhost";

    private static bool IsRegistry(string component)
    {
        var colon = component.LastIndexOf(':');
        var host = colon >= 0 ? component.Substring(0, colon) : component;
        if (colon >= 0 && !AllDigits(component.Substring(colon + 1)))
        {
            return false;
        }

        if (host.Length == 0)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length == 0 || !IsAsciiLetterOrDigit(label[0]) || !IsAsciiLetterOrDigit(label[label.Length - 1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsPathComponent(string component)
    {
        if (component.Length == 0 || !IsLowerAlnum(component[0]) || !IsLowerAlnum(component[component.Length - 1]))
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

    private static bool IsTag(string tag)
    {
        if (tag.Length is 0 or > MaxTagLength || !(IsAsciiLetterOrDigit(tag[0]) || tag[0] == '_'))
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tag that moves: SM2001 treats it like no tag.</summary>
    internal const string MutableTag = "latest";

    /// <summary>The digest forms that pin an image: the algorithm prefix and its number of lower-case hex digits.</summary>
    internal static readonly IReadOnlyList<(string Algorithm, int HexDigits)> DigestForms = new[] { ("sha256:", 64), ("sha512:", 128) };

    private static bool IsDigest(string digest)
    {
        foreach (var (algorithm, hexDigits) in DigestForms)
        {
            if (IsHexDigest(digest, algorithm, hexDigits))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHexDigest(string digest, string algorithm, int hexDigits)
    {
        if (!digest.StartsWith(algorithm, StringComparison.Ordinal) || digest.Length != algorithm.Length + hexDigits)
        {
            return false;
        }

        for (var i = algorithm.Length; i < digest.Length; i++)
        {
            if (digest[i] is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
