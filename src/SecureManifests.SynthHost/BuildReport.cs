using System.Globalization;
using System.Text;

namespace SecureManifests.SynthHost;

/// <summary>
/// The host's answer to the build, written once the last app is done. The build step passes <c>--report FILE</c>,
/// then prints the file through a second Exec, whose output MSBuild parses as canonical errors and warnings
/// (<c>origin(line,col): error CODE: text</c>); the host's own Exec does not parse, so:
/// <list type="bullet">
/// <item>a line that user code prints, even one shaped like <c>X.cs(1,1): error CS9999</c>, is only a message;</item>
/// <item>a host that ends early (user code calling <c>Environment.Exit</c>) leaves no report, which the build
/// detects: the report is the completion handshake.</item>
/// </list>
/// The file is written to a temporary name and renamed into place, so the build never reads half of it. Without
/// <c>--report</c> (the host run by hand) the same lines go to standard error.
/// </summary>
internal sealed class BuildReport
{
    private readonly List<ReportEntry> _entries = [];

    public void Add(ReportEntry entry) => _entries.Add(entry);

    /// <summary>Writes the report, atomically.</summary>
    public void WriteTo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            WriteCanonical(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes the entries in the canonical format, one line each.</summary>
    public void WriteCanonical(TextWriter writer)
    {
        foreach (var entry in _entries)
        {
            writer.WriteLine(entry.ToCanonical());
        }
    }
}
