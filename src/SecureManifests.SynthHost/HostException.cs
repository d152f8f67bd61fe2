namespace SecureManifests.SynthHost;

/// <summary>A problem the host reports as one canonical line and exit code 2, never a stack trace.</summary>
/// <param name="origin">The file the problem is about, the MSBuild message's origin.</param>
/// <param name="text">What went wrong and what to do.</param>
internal sealed class HostException(string origin, string text) : Exception($"{origin}: {text}")
{
    public string Origin { get; } = origin;

    public string Text { get; } = text;
}
