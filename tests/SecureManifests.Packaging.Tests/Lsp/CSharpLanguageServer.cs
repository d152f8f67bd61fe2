using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureManifests.Packaging.Tests.Lsp;

/// <summary>
/// One csharp-ls process driven as an editor would: started in a project folder (it finds the project there),
/// <c>initialize</c>/<c>initialized</c> with the <c>csharp</c> settings given, documents opened with
/// <c>textDocument/didOpen</c>, and <c>shutdown</c>/<c>exit</c> at the end. The server's requests are answered:
/// <c>workspace/configuration</c> with the settings, registrations and progress tokens with <c>null</c>. Every wait
/// is bounded; disposing kills whatever is still running.
/// </summary>
internal sealed class CSharpLanguageServer : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly LspConnection _connection;
    private readonly JsonObject _csharpSettings;
    private readonly StringBuilder _log = new();

    private CSharpLanguageServer(string executable, string folder, JsonObject csharpSettings)
    {
        _csharpSettings = csharpSettings;
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("--loglevel");
        startInfo.ArgumentList.Add("info");
        // It loads the project with MSBuild, so it gets the same clean environment as the CLI.
        DotnetCli.UseCleanEnvironment(startInfo);
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {executable}");
        _process.ErrorDataReceived += (_, line) => Log("stderr", line.Data);
        _process.BeginErrorReadLine();
        _connection = new LspConnection(new BufferedStream(_process.StandardOutput.BaseStream), _process.StandardInput.BaseStream, Answer);
    }

    /// <summary>Starts csharp-ls in <paramref name="folder"/> and completes the initialize handshake.</summary>
    public static async Task<CSharpLanguageServer> StartAsync(string executable, string folder, JsonObject csharpSettings)
    {
        var server = new CSharpLanguageServer(executable, folder, csharpSettings);
        try
        {
            var root = new Uri(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar).AbsoluteUri;
            await server._connection.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = Path.GetFileName(folder) }),
                ["capabilities"] = new JsonObject
                {
                    // Push, not pull: csharp-ls 0.28.0 serves textDocument/diagnostic to a client that declares
                    // textDocument.diagnostic, and publishes textDocument/publishDiagnostics for each open document
                    // only to one that does not. This client declares none and reads the published notifications.
                    ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject() },
                    ["workspace"] = new JsonObject { ["configuration"] = true },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            }, RequestTimeout).ConfigureAwait(false);
            await server._connection.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What the server logged (stderr, <c>window/logMessage</c>), for failure messages.</summary>
    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public Task OpenAsync(string path) => _connection.NotifyAsync("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject
        {
            ["uri"] = new Uri(path).AbsoluteUri,
            ["languageId"] = "csharp",
            ["version"] = 1,
            ["text"] = File.ReadAllText(path),
        },
    });

    /// <summary>
    /// The diagnostics of the first <c>textDocument/publishDiagnostics</c> for <paramref name="path"/> that
    /// <paramref name="complete"/> accepts; a later notification replaces an earlier one, as in an editor.
    /// </summary>
    public async Task<JsonArray> WaitForDiagnosticsAsync(string path, Func<JsonArray, bool> complete, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var last = new JsonArray();
        try
        {
            while (true)
            {
                var notification = await _connection.Notifications.ReadAsync(deadline.Token).ConfigureAwait(false);
                if (notification.Method == "window/logMessage" || notification.Method == "window/showMessage")
                {
                    Log("log", notification.Params?["message"]?.GetValue<string>());
                }
                else if (notification.Method == "textDocument/publishDiagnostics" &&
                         notification.Params?["uri"]?.GetValue<string>() is { } uri &&
                         string.Equals(new Uri(uri).LocalPath, Path.GetFullPath(path), StringComparison.Ordinal))
                {
                    last = notification.Params["diagnostics"]?.AsArray() ?? [];
                    Log("diagnostics", last.ToJsonString());
                    if (complete(last))
                    {
                        return last;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"csharp-ls published no complete diagnostics for {path} within {timeout.TotalSeconds:0} s; last: {last.ToJsonString()}\n{Log()}"));
        }
    }

    /// <summary>Sends a request the test needs beyond the document lifecycle (e.g. <c>textDocument/codeAction</c>).</summary>
    public Task<JsonNode?> RequestAsync(string method, JsonNode parameters) => _connection.RequestAsync(method, parameters, RequestTimeout);

    /// <summary><c>shutdown</c>, then <c>exit</c>; returns the server's exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await _connection.RequestAsync("shutdown", null, RequestTimeout).ConfigureAwait(false);
        await _connection.NotifyAsync("exit", null).ConfigureAwait(false);
        using var exited = new CancellationTokenSource(ExitTimeout);
        await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(ExitTimeout).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private JsonNode? Answer(string method, JsonNode? parameters)
    {
        Log("request", method);
        return method switch
        {
            // One answer per item asked for: the csharp section gets the settings, any other section nothing.
            "workspace/configuration" => new JsonArray((parameters?["items"]?.AsArray() ?? [])
                .Select(item => item?["section"]?.GetValue<string>() == "csharp" ? _csharpSettings.DeepClone() : null)
                .ToArray()),
            "client/registerCapability" or "client/unregisterCapability" or "window/workDoneProgress/create" => null,
            _ => LspConnection.Unanswered,
        };
    }

    private void Log(string kind, string? text)
    {
        if (text is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append(kind).Append(": ").AppendLine(text);
        }
    }
}
