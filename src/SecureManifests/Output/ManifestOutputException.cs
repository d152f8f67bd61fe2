namespace SecureManifests.Output;

/// <summary>
/// The writer refused to produce or write output. The message names the object or path concerned
/// and says what to change.
/// </summary>
public sealed class ManifestOutputException : Exception
{
    /// <summary>Creates the exception with a message that names the path or object and the remedy.</summary>
    public ManifestOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception, keeping the underlying cause.</summary>
    public ManifestOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
