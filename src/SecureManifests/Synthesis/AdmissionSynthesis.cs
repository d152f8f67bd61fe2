using k8s;
using SecureManifests.Admission;
using SecureManifests.Output;

namespace SecureManifests.Synthesis;

/// <summary>
/// The admission part of a synth for an app that calls <see cref="App.EnforceAtAdmission"/>: the policies and
/// bindings of its profile, bound to its namespaces, as the files of <c>_admission/</c> (a kustomization of their
/// own, not listed by the app's, because applying them needs cluster-admin); and the exemption labels its waivers
/// call for, on its Namespace objects.
/// </summary>
internal static class AdmissionSynthesis
{
    /// <summary>Labels the Namespace objects among <paramref name="objects"/> and renders the admission folder.</summary>
    /// <exception cref="ManifestDefinitionException">The app has no namespace for the bindings to select.</exception>
    public static IReadOnlyList<ManifestFile> Prepare(
        App app, AdmissionEnforcement enforcement, IReadOnlyList<IKubernetesObject> objects, SynthOptions options, ManifestTreeOptions tree)
    {
        var namespaces = app.Namespaces.Select(n => n.Name).ToList();
        if (namespaces.Count == 0)
        {
            throw new ManifestDefinitionException($"App {app.Name}", "EnforceAtAdmission",
                "the app has no namespace for the bindings to select; add one with AddNamespace, or remove EnforceAtAdmission");
        }

        var waivers = AppWaivers.Read(objects, namespaces);
        var set = AdmissionPolicyGenerator.Generate(
            enforcement.Profile ?? options.Profile,
            enforcement.PssVersion ?? options.PssVersion,
            enforcement.Action,
            new AdmissionScope(app.Name, namespaces, waivers.OnNamespaceObjects));
        NamespaceExemptions.Apply(objects, set, waivers);
        return ManifestTree.Render([.. set.Objects()], tree)
            .Select(f => new ManifestFile(AdmissionEnforcement.FolderName + "/" + f.RelativePath, f.Content))
            .ToList();
    }
}
