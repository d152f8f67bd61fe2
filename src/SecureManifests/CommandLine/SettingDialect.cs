namespace SecureManifests.CommandLine;

/// <summary>Who writes a shared setting, which decides what an empty value means and how a bad one is named.</summary>
internal enum SettingDialect
{
    /// <summary>A person at a shell (the CLI, an app's runner): an empty value is a bad value.</summary>
    CommandLine,

    /// <summary>
    /// The build targets, which pass every MSBuild property whether set or not: an empty value means the default, and
    /// a bad value is reported under the property the user set (<c>SecureManifestsProfile: unknown profile ...</c>).
    /// </summary>
    MsBuild,
}
