using System.Runtime.InteropServices;

namespace SecureManifests.Output;

/// <summary>
/// Swaps two folders in one atomic step with Linux's <c>renameat2(RENAME_EXCHANGE)</c> (kernel 3.15, glibc 2.28):
/// at no moment is either name missing. Elsewhere, or where the file system refuses (EINVAL), the caller falls back
/// to two renames.
/// </summary>
internal static class DirectoryExchange
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Exchanges <paramref name="first"/> and <paramref name="second"/>; false when this system cannot.</summary>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtCurrentDirectory, first, AtCurrentDirectory, second, RenameExchange) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // An older C library without renameat2.
            return false;
        }
    }

    // DllImport rather than LibraryImport: the source-generated stub needs unsafe code in the SDK. On Unix the
    // default (ANSI) string marshalling is UTF-8, as the kernel's paths are.
    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // see above
    private static extern int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
#pragma warning restore SYSLIB1054
}
