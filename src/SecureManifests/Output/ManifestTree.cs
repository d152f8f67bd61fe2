using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s;

namespace SecureManifests.Output;

/// <summary>
/// Renders a list of Kubernetes objects into a folder of YAML files plus <c>kustomization.yaml</c>,
/// and writes that folder atomically.
/// </summary>
internal static class ManifestTree
{
    internal const string KustomizationFileName = "kustomization.yaml";

    /// <summary>Whether <paramref name="folder"/> is one SecureManifests wrote: its kustomization.yaml starts with the header.</summary>
    internal static bool IsGeneratedFolder(string folder)
    {
        var kustomization = Path.Combine(folder, KustomizationFileName);
        if (!File.Exists(kustomization))
        {
            return false;
        }

        using var reader = new StreamReader(kustomization, new System.Text.UTF8Encoding(false));
        return ManifestHeader.IsHeader(reader.ReadLine());
    }
    private const string ClusterScope = "_cluster";

    /// <summary>Renders the files in memory, sorted by <see cref="ManifestFile.RelativePath"/> (ordinal).</summary>
    /// <exception cref="ManifestOutputException">An object is invalid, two objects collide, or the options are invalid.</exception>
    public static IReadOnlyList<ManifestFile> Render(IReadOnlyList<IKubernetesObject> objects, ManifestTreeOptions options)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ValidateOptions(options);

        var entries = CreateEntries(objects);

        Array.Sort(entries, ManifestEntry.Order);
        for (var i = 1; i < entries.Length; i++)
        {
            if (entries[i].SameIdentity(entries[i - 1]))
            {
                throw new ManifestOutputException(
                    $"{entries[i - 1].Reference} and {entries[i].Reference} are the same object; " +
                    "each object needs a unique apiVersion, kind, namespace and name.");
            }
        }

        // Files in order of their first object: that is the order kustomization.yaml lists them in.
        // Paths are compared ignoring case: the tree is committed and checked out on macOS and Windows too.
        var files = new Dictionary<string, List<ManifestEntry>>(StringComparer.OrdinalIgnoreCase);
        var fileOrder = new List<string>();
        foreach (var entry in entries)
        {
            var path = PathOf(entry, options);
            if (files.TryGetValue(path, out var members))
            {
                if (options.Layout == ManifestLayout.FilePerObject)
                {
                    throw new ManifestOutputException(
                        $"{members[0].Reference} and {entry.Reference} both map to the file '{path}' " +
                        "(file names are compared ignoring case); " +
                        "rename one of them or choose the FilePerNamespace or SingleFile layout.");
                }

                members.Add(entry);
            }
            else
            {
                if (string.Equals(path, KustomizationFileName, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ManifestOutputException(
                        $"{entry.Reference} maps to '{path}', which is reserved for the kustomization; " +
                        "choose another layout (FilePerObject) or another name.");
                }

                files.Add(path, [entry]);
                fileOrder.Add(path);
            }
        }

        var header = ManifestHeader.Line(options.GeneratorName) + "\n";
        var result = new List<ManifestFile>(fileOrder.Count + 1)
        {
            new(KustomizationFileName, header + RenderKustomization(fileOrder)),
        };
        foreach (var path in fileOrder)
        {
            result.Add(new ManifestFile(path, RenderFile(header, files[path])));
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return result;
    }

    /// <summary>
    /// Renders and replaces <paramref name="outputDirectory"/> atomically (see <see cref="AtomicDirectoryCommit"/>):
    /// a failure leaves the previous output untouched, files of removed objects disappear, and files whose bytes did
    /// not change keep their timestamps; a folder that already holds exactly the rendered files is not touched.
    /// </summary>
    /// <exception cref="ManifestOutputException">Rendering failed, or the folder holds something that is not our output.</exception>
    public static void Write(IReadOnlyList<IKubernetesObject> objects, string outputDirectory, ManifestTreeOptions options)
    {
        AtomicDirectoryCommit.Commit(outputDirectory, Render(objects, options), afterStaging: null);
    }

    /// <summary>
    /// Compares rendered files with a folder on disk. Returns one line per difference, sorted by path:
    /// <c>missing: path</c>, <c>changed: path</c> or <c>extra: path</c>; empty when the folder is up to date.
    /// </summary>
    public static IReadOnlyList<string> FindDifferences(IReadOnlyList<ManifestFile> expected, string outputDirectory) =>
        TreeDifferences.Find(expected, outputDirectory);

    // Objects serialize independently, so a large tree is spread over the cores. The failure reported is the one of
    // the first object in the list, whatever thread met it first: the message does not depend on scheduling.
    private static ManifestEntry[] CreateEntries(IReadOnlyList<IKubernetesObject> objects)
    {
        const int ObjectsWorthAThread = 64;
        var entries = new ManifestEntry[objects.Count];
        if (entries.Length < ObjectsWorthAThread || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = ManifestEntry.Create(objects[i], i);
            }

            return entries;
        }

        var failures = new Exception?[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            try
            {
                entries[i] = ManifestEntry.Create(objects[i], i);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures[i] = ex;
            }
        });
        if (Array.Find(failures, static f => f is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        return entries;
    }

    private static void ValidateOptions(ManifestTreeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.GeneratorName) || options.GeneratorName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ManifestOutputException(
                "ManifestTreeOptions.GeneratorName must be the generating C# type's name on one line; it goes into every file's header.");
        }

        if (!Enum.IsDefined(options.Layout))
        {
            throw new ManifestOutputException($"ManifestTreeOptions.Layout {(int)options.Layout} is not a ManifestLayout value.");
        }

        if (options.Layout == ManifestLayout.SingleFile)
        {
            var name = options.SingleFileName;
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." ||
                string.Equals(name, KustomizationFileName, StringComparison.OrdinalIgnoreCase) ||
                !(name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
            {
                throw new ManifestOutputException(
                    $"ManifestTreeOptions.SingleFileName '{name}' must be a plain file name ending in .yaml or .yml, other than kustomization.yaml.");
            }
        }
    }

    private static string PathOf(ManifestEntry entry, ManifestTreeOptions options)
    {
        var folder = entry.IsNamespaceObject ? entry.Name : entry.Namespace.Length > 0 ? entry.Namespace : ClusterScope;
        return options.Layout switch
        {
            ManifestLayout.FilePerObject =>
                folder + "/" + entry.Kind.ToLowerInvariant() + "-" + entry.Name + ".yaml",
            ManifestLayout.FilePerNamespace => folder + ".yaml",
            _ => options.SingleFileName,
        };
    }

    private static string RenderFile(string header, List<ManifestEntry> members)
    {
        var length = header.Length;
        foreach (var member in members)
        {
            length += member.Yaml.Length + 4;
        }

        var text = new StringBuilder(header, length);
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                text.Append("---\n");
            }

            text.Append(members[i].Yaml);
        }

        return text.ToString();
    }

    private static string RenderKustomization(List<string> resources)
    {
        var list = new JsonArray();
        foreach (var path in resources)
        {
            list.Add((JsonNode)JsonValue.Create(path));
        }

        var kustomization = new JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = list,
        };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var json = System.Text.Json.JsonDocument.Parse(kustomization.ToJsonString());
        ManifestDocumentWriter.Write(json.RootElement, writer);
        return writer.ToString();
    }
}
