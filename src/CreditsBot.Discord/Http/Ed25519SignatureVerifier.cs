using System.Buffers;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CreditsBot.Discord.Http;

/// <summary>
/// Checks Discord's request signature: Ed25519 over the X-Signature-Timestamp header's bytes followed by the raw
/// body, against the application's public key. Any malformed input is simply "not valid" — it never throws.
/// </summary>
public sealed class Ed25519SignatureVerifier
{
    public const int SignatureHexLength = 128;
    private const int MaxTimestampLength = 64;
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? _key;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;

    /// <param name="publicKeyHex">64 hex characters; anything else makes every request invalid (fail closed).</param>
    /// <param name="maxAge">When above zero, the timestamp must be Unix seconds within this of now.</param>
    public Ed25519SignatureVerifier(string? publicKeyHex, TimeSpan maxAge = default, TimeProvider? timeProvider = null)
    {
        _maxAge = maxAge;
        _time = timeProvider ?? TimeProvider.System;
        Span<byte> raw = stackalloc byte[32];
        if (publicKeyHex is { Length: 64 }
            && Convert.FromHexString(publicKeyHex, raw, out _, out var written) == OperationStatus.Done && written == 32
            && PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out var key))
        {
            _key = key;
        }
    }

    public bool HasKey => _key is not null;

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null || signatureHex is not { Length: SignatureHexLength } || string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampLength)
            return false;
        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != 64)
            return false;
        if (_maxAge > TimeSpan.Zero && !IsFresh(timestamp))
            return false;

        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var length = timestampBytes + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var message = rented.AsSpan(0, length);
            Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message[timestampBytes..]);
            return Algorithm.Verify(_key, message, signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        return age.Duration() <= _maxAge;
    }
}
