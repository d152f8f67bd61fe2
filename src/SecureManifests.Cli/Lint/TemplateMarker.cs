namespace SecureManifests.Cli.Lint;

/// <summary>
/// Whether a file is a Go template (a Helm chart's <c>templates/</c>, a gomplate file): it holds <c>{{</c>, which no
/// plain manifest needs outside a quoted string, and such a file seldom parses as YAML. Asked only of folder files
/// that failed to read, so the extra pass costs nothing on the manifests themselves.
/// </summary>
internal static class TemplateMarker
{
    public static bool IsIn(string path)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var previous = '\0';
            var buffer = new char[16 * 1024];
            for (var read = reader.Read(buffer); read > 0; read = reader.Read(buffer))
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] == '{' && previous == '{')
                    {
                        return true;
                    }

                    previous = buffer[i];
                }
            }

            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
