using System.Runtime.InteropServices;

namespace SecureManifests.Output;

/// <summary>
/// A second name for an existing file: <c>link(2)</c> on Unix, <c>CreateHardLinkW</c> on Windows. Staging an
/// unchanged file as a link keeps its inode and modification time, so only files whose bytes changed look changed
/// to tools that watch timestamps. False wherever the file system cannot (FAT, some network shares): callers then
/// write the file.
/// </summary>
internal static class HardLink
{
    /// <summary>Makes <paramref name="newPath"/> a second name of <paramref name="existingPath"/>; false when it cannot.</summary>
    public static bool TryCreate(string existingPath, string newPath)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? CreateHardLink(newPath, existingPath, IntPtr.Zero)
                : Link(existingPath, newPath) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the source-generated stub needs unsafe code in the SDK. On Unix the
    // default (ANSI) string marshalling is UTF-8, as the kernel's paths are.
#pragma warning disable SYSLIB1054 // see above
    [DllImport("libc", EntryPoint = "link", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link(string existingPath, string newPath);

    [DllImport("kernel32.dll", EntryPoint = "CreateHardLinkW", CharSet = CharSet.Unicode, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLink(string newPath, string existingPath, IntPtr securityAttributes);
#pragma warning restore SYSLIB1054
}
