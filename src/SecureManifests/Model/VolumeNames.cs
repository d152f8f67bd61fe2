using System.Text;

namespace SecureManifests.Model;

/// <summary>Derives readable, valid volume names from paths, e.g. <c>/var/cache/nginx</c> becomes <c>writable-var-cache-nginx</c>.</summary>
internal static class VolumeNames
{
    public static string ForPath(string path)
    {
        var name = new StringBuilder(path.Length);
        foreach (var c in path.ToLowerInvariant())
        {
            var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (valid)
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var result = name.ToString().Trim('-');
        if (result.Length > 50)
        {
            result = result[..50].Trim('-');
        }

        return result.Length == 0 ? "root" : "writable-" + result;
    }
}
