using System.Security.Cryptography;
using System.Text;

namespace SecureManifests.Output;

/// <summary>
/// One commit per output folder at a time, across processes: two builds of one project (an IDE build and a command
/// line build) would otherwise clean up each other's staging folders. A named mutex leaves no file beside the
/// output; one abandoned by a killed process is simply taken over, and the recovery that follows repairs its state.
/// </summary>
internal sealed class OutputGate : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Mutex? _mutex;

    private OutputGate(Mutex? mutex) => _mutex = mutex;

    /// <summary>Waits until no other process commits to <paramref name="target"/>.</summary>
    public static OutputGate Enter(string target)
    {
        Mutex mutex;
        try
        {
            mutex = new Mutex(initiallyOwned: false, Name(target));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or WaitHandleCannotBeOpenedException or PlatformNotSupportedException)
        {
            // Named mutexes can be unavailable (another user's, a sandbox): commit without the gate, as before it.
            return new OutputGate(null);
        }

        try
        {
            if (!mutex.WaitOne(Patience))
            {
                mutex.Dispose();
                throw new ManifestOutputException(
                    $"Another process has been writing '{target}' for {Patience.TotalMinutes:0} minutes; wait for it to finish, or end it, and run again.");
            }
        }
        catch (AbandonedMutexException)
        {
            // Its owner died mid-commit; we own the mutex now.
        }

        return new OutputGate(mutex);
    }

    public void Dispose()
    {
        if (_mutex is not null)
        {
            _mutex.ReleaseMutex();
            _mutex.Dispose();
        }
    }

    // Mutex names are global strings: hash the full path so any path fits and no separator needs escaping.
    private static string Name(string target) =>
        "SecureManifests.Output." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target)))[..32];
}
