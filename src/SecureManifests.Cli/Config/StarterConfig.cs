namespace SecureManifests.Cli.Config;

/// <summary>
/// What <c>secure-manifests config init</c> writes: every key, the ones whose default is worth seeing set to it, the
/// others as commented-out examples, each with a line on what it does. A test loads it, and loads it again with every
/// example uncommented, so the starter can never teach a key or a value the reader refuses.
/// </summary>
internal static class StarterConfig
{
    /// <summary>The text, with <c>\n</c> line ends.</summary>
    public static string Text { get; } = $"""
        # The configuration of secure-manifests lint (docs/configuration.md).
        # Found from the first input's folder upward, up to the repository root; flags on the command line win.

        # The rule profile: baseline | restricted | secure | all.
        {ConfigReader.ProfileKey}: secure
        # The Pod Security Standards version: v1.0 .. {Rules.PssVersion.Latest}, or latest.
        {ConfigReader.PssVersionKey}: latest
        # Findings this severe or worse fail the run (exit 1): error | warning | info.
        {ConfigReader.FailOnKey}: error

        # The namespace of objects that name none (as kubectl apply -n); without it, SM4001 flags them.
        # {ConfigReader.NamespaceKey}: my-team

        {ConfigReader.RulesKey}:
          # Rules to check besides the profile's, and rules not to check (IDs or names).
          {ConfigReader.IncludeKey}: []
          {ConfigReader.ExcludeKey}: []
          # A severity per rule, instead of the catalogue's.
          # {ConfigReader.SeverityKey}:
          #   SM2001: error
          # Env var and ConfigMap key names that look like secrets (SM2005, SM2016): a case-insensitive regular expression.
          # {ConfigReader.SecretNamePatternKey}: '(password|secret|token|apikey|api_key|private_key|credential)'

        # Files of folder walks to leave out, relative to this file's folder ('*' within a name, '**' across folders).
        # {ConfigReader.IgnorePathsKey}:
        #   - vendor/**
        #   - charts/*/templates

        # Custom kinds whose pod the pod rules check: API group (empty for core), kind, and the path of the pod template.
        # {ConfigReader.PodTemplateKindsKey}:
        #   - {ConfigReader.GroupKey}: example.com
        #     {ConfigReader.KindKey}: Widget
        #     {ConfigReader.PathKey}: spec.podTemplate
        #     {ConfigReader.ShapeKey}: {PodTemplateKindSetting.TemplateShape}

        # CRD files, relative to this file's folder: their schemas say where their kinds keep their pods (as --crd FILE).
        # {ConfigReader.CrdsKey}:
        #   - crds/widget.yaml

        """.ReplaceLineEndings("\n");
}
