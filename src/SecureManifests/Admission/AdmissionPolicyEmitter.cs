using SecureManifests.Output;

namespace SecureManifests.Admission;

/// <summary>Writes a policy set as one multi-document YAML stream with the repository's deterministic writer.</summary>
internal static class AdmissionPolicyEmitter
{
    /// <summary>Writes every object of <paramref name="set"/>, separated by <c>---</c>, LF line endings.</summary>
    public static void Write(AdmissionPolicySet set, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(writer);
        var first = true;
        foreach (var obj in set.Objects())
        {
            if (!first)
            {
                writer.Write("---\n");
            }

            first = false;
            ManifestYaml.Write(obj, writer);
        }
    }
}
