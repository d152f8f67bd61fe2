namespace SecureManifests.SynthHost;

/// <summary>A problem the host reports as one line and exit code 2, never a stack trace.</summary>
internal sealed class HostException(string message) : Exception(message);
