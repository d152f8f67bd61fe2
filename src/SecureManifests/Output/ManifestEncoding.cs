using System.Text;

namespace SecureManifests.Output;

/// <summary>
/// The bytes of a rendered file as it is written: UTF-8 without a byte order mark. Encoded once per commit, so the
/// comparison with the folder on disk and the write share them.
/// </summary>
internal static class ManifestEncoding
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[][] Encode(IReadOnlyList<ManifestFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var bytes = new byte[files.Count][];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Utf8WithoutBom.GetBytes(files[i].Content);
        }

        return bytes;
    }
}
