using System.Net.WebSockets;
using System.Text;
using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewayFrameReaderTests
{
    [Fact]
    public async Task ALargeFrame_IsRead_AndItsBufferIsGivenBackBeforeTheNextFrame()
    {
        var big = "{\"op\":0,\"t\":\"GUILD_CREATE\",\"d\":{\"blob\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}";
        using var socket = new FragmentSocket([big, """{"op":11}"""], fragmentBytes: 16 * 1024);
        using var reader = new GatewayFrameReader();

        using (var first = await reader.ReadAsync(socket, CancellationToken.None))
        {
            Assert.Equal(3 * 1024 * 1024, first!.RootElement.GetProperty("d").GetProperty("blob").GetString()!.Length);
        }

        Assert.True(reader.RetainedBytes >= 3 * 1024 * 1024); // still holding it while the big frame may be in use
        using (var second = await reader.ReadAsync(socket, CancellationToken.None))
        {
            Assert.Equal(11, second!.RootElement.GetProperty("op").GetInt32());
        }

        Assert.True(reader.RetainedBytes <= GatewayFrameReader.RetainedBytesLimit, $"still holding {reader.RetainedBytes} bytes");
        Assert.Null(await reader.ReadAsync(socket, CancellationToken.None)); // then the close frame
    }

    [Fact]
    public async Task AFrameOverTheCap_IsRefused()
    {
        var fragment = new string(' ', 1024 * 1024);
        using var socket = new FragmentSocket([], fragmentBytes: 0, endlessFragment: Encoding.UTF8.GetBytes(fragment));
        using var reader = new GatewayFrameReader();

        await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(socket, CancellationToken.None));
    }

    /// <summary>Plays whole messages in fragments, then a close frame (or one fragment forever, never ending the message).</summary>
    private sealed class FragmentSocket(string[] messages, int fragmentBytes, byte[]? endlessFragment = null) : IGatewaySocket
    {
        private readonly Queue<(byte[] Bytes, bool End)> fragments = new(messages.SelectMany(m => Split(Encoding.UTF8.GetBytes(m), fragmentBytes)));

        public WebSocketState State => WebSocketState.Open;

        public WebSocketCloseStatus? CloseStatus => null;

        public string? CloseStatusDescription => null;

        public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (endlessFragment is not null)
            {
                var count = Math.Min(buffer.Length, endlessFragment.Length);
                endlessFragment.AsSpan(0, count).CopyTo(buffer.Span);
                return ValueTask.FromResult(new ValueWebSocketReceiveResult(count, WebSocketMessageType.Text, endOfMessage: false));
            }

            if (!fragments.TryDequeue(out var next))
            {
                return ValueTask.FromResult(new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, endOfMessage: true));
            }

            Assert.True(next.Bytes.Length <= buffer.Length);
            next.Bytes.CopyTo(buffer);
            return ValueTask.FromResult(new ValueWebSocketReceiveResult(next.Bytes.Length, WebSocketMessageType.Text, next.End));
        }

        public ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public Task CloseOutputAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken) => Task.CompletedTask;

        public void Abort()
        {
        }

        public void Dispose()
        {
        }

        private static IEnumerable<(byte[] Bytes, bool End)> Split(byte[] message, int size)
        {
            for (var offset = 0; offset < message.Length; offset += size)
            {
                var length = Math.Min(size, message.Length - offset);
                yield return (message.AsSpan(offset, length).ToArray(), offset + length == message.Length);
            }
        }
    }
}
