using System.Text;
using NSec.Cryptography;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>Signs requests the way Discord does: Ed25519 over the timestamp's bytes then the raw body, hex-encoded.</summary>
public sealed class Signer : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    public void Dispose() => _key.Dispose();
}
