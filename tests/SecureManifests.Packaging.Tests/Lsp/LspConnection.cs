using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace SecureManifests.Packaging.Tests.Lsp;

/// <summary>A notification the server sent: its method and params.</summary>
internal sealed record LspNotification(string Method, JsonNode? Params);

/// <summary>
/// JSON-RPC 2.0 over <see cref="LspFraming"/>, as the client side: requests wait for their response (bounded by a
/// timeout), the server's notifications queue up in <see cref="Notifications"/>, and the server's own requests are
/// answered at once by <c>answer</c> (its result, or a method-not-found error when it returns
/// <see cref="Unanswered"/>), so the server never waits on the client.
/// </summary>
internal sealed class LspConnection : IAsyncDisposable
{
    /// <summary>Returned by the answer callback for a server request the client does not know.</summary>
    public static readonly JsonNode Unanswered = new JsonObject();

    private const int MethodNotFound = -32601;

    private readonly Stream _fromServer;
    private readonly Stream _toServer;
    private readonly Func<string, JsonNode?, JsonNode?> _answer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Channel<LspNotification> _notifications = Channel.CreateUnbounded<LspNotification>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private long _nextId;

    public LspConnection(Stream fromServer, Stream toServer, Func<string, JsonNode?, JsonNode?> answer)
    {
        _fromServer = fromServer;
        _toServer = toServer;
        _answer = answer;
        _reader = Task.Run(ReadLoopAsync);
    }

    public ChannelReader<LspNotification> Notifications => _notifications.Reader;

    /// <summary>Sends a request and returns its result; a JSON-RPC error or no answer within the timeout throws.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        try
        {
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters })
                .ConfigureAwait(false);
            return await response.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"LSP server did not answer `{method}` within {timeout.TotalSeconds:0} s."));
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // The reader ends with the server's output; the owner closes that (or kills the server) first.
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task SendAsync(JsonObject message)
    {
        await _writeLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            await LspFraming.WriteAsync(_toServer, message, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (await LspFraming.ReadAsync(_fromServer, _stop.Token).ConfigureAwait(false) is JsonObject message)
            {
                await DispatchAsync(message).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            failure = exception;
        }
        finally
        {
            var ended = new IOException("LSP server closed its output.", failure);
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(ended);
            }

            _notifications.Writer.TryComplete(ended);
        }
    }

    private async Task DispatchAsync(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryGetValue(id.GetValue<long>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException("LSP error response: " + error.ToJsonString()));
                }
                else
                {
                    response.TrySetResult(message["result"]?.DeepClone());
                }
            }
        }
        else if (method is not null && id is not null)
        {
            var result = _answer(method, message["params"]);
            var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone() };
            if (ReferenceEquals(result, Unanswered))
            {
                reply["error"] = new JsonObject { ["code"] = MethodNotFound, ["message"] = "not supported by this client: " + method };
            }
            else
            {
                reply["result"] = result;
            }

            await SendAsync(reply).ConfigureAwait(false);
        }
        else if (method is not null)
        {
            _notifications.Writer.TryWrite(new LspNotification(method, message["params"]?.DeepClone()));
        }
    }
}
