using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Reassembles gateway messages from WebSocket fragments. The message buffer grows to fit a large frame (up to
/// <see cref="MaxFrameBytes"/>) and is given back before the next one, so one big READY does not pin its size for
/// the rest of the connection.
/// </summary>
internal sealed class GatewayFrameReader : IDisposable
{
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    /// <summary>What the buffer keeps between messages; ordinary dispatches fit, larger ones get a fresh buffer.</summary>
    public const int RetainedBytesLimit = 256 * 1024;

    private const int ChunkBytes = 16 * 1024;

    private readonly byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private MemoryStream message = new(ChunkBytes);

    /// <summary>Bytes the message buffer holds on to between messages.</summary>
    public int RetainedBytes => message.Capacity;

    /// <summary>
    /// The next whole message as JSON, or null when the peer's close frame arrived. The document borrows this reader's
    /// buffer: dispose it before the next call.
    /// </summary>
    public async Task<JsonDocument?> ReadAsync(IGatewaySocket socket, CancellationToken cancellationToken)
    {
        if (message.Capacity > RetainedBytesLimit)
        {
            message = new MemoryStream(ChunkBytes);
        }

        message.SetLength(0);
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (message.Length + result.Count > MaxFrameBytes)
            {
                throw new InvalidDataException($"A gateway frame exceeded {MaxFrameBytes} bytes.");
            }

            message.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.GetBuffer().AsMemory(0, (int)message.Length));
            }
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(chunk);
}
