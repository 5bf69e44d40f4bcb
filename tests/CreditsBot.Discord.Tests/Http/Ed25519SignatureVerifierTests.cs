using System.Text;
using CreditsBot.Discord.Http;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Http;

public class Ed25519SignatureVerifierTests
{
    // RFC 8032 §7.1 TEST 1 key pair and signatures from discord-api.md §1.3 (computed with independent tools).
    private const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Body1 = """{"type":1,"id":"1234567890123456789","application_id":"1111111111111111111","token":"dummy-token","version":1}""";
    private const string Signature1 = "2a6c09bab55d8d2605999c1f05175141449466559d3098832ad83aa7bd5e845c74a8adf7f5922b7ba30adf504c9fa7de008f4d317d93ef1682e122082987730a";
    private const string Body2 = """{"type":2,"data":{"name":"credits","options":[{"type":1,"name":"person","options":[{"type":3,"name":"name","value":"Grég"}]}]}}""";
    private const string Signature2 = "e5d6d9e6b9dc6247742972e5d3a43cd6a2d6a88518f5580d2a0961127bc410a9fdb6789812a65c629ec57e97933c0a994cd2a0216817cc320ea2f58cd7430d0d";

    private static readonly Ed25519SignatureVerifier Verifier = new(PublicKey);

    [Fact]
    public void Vector1_is_valid() => Assert.True(Verifier.Verify(Signature1, "1700000000", Encoding.UTF8.GetBytes(Body1)));

    [Fact]
    public void Vector1b_reserialized_body_is_invalid() =>
        Assert.False(Verifier.Verify(Signature1, "1700000000", Encoding.UTF8.GetBytes(Body1.Replace(",", ", "))));

    [Fact]
    public void Vector1c_other_timestamp_is_invalid() => Assert.False(Verifier.Verify(Signature1, "1700000001", Encoding.UTF8.GetBytes(Body1)));

    [Fact]
    public void Vector1d_changed_signature_byte_is_invalid() =>
        Assert.False(Verifier.Verify(Signature1[..^2] + "00", "1700000000", Encoding.UTF8.GetBytes(Body1)));

    [Fact]
    public void Vector2_non_ascii_body_is_hashed_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Body2);
        Assert.Equal(128, bytes.Length);
        Assert.True(Verifier.Verify(Signature2, "1700000000", bytes));
        Assert.False(Verifier.Verify(Signature2, "1700000000", Encoding.Latin1.GetBytes(Body2)));
    }

    [Theory]
    [InlineData(null, "1700000000")]
    [InlineData(Signature1, null)]
    [InlineData(Signature1, "")]
    [InlineData("zz6c09bab55d8d2605999c1f05175141449466559d3098832ad83aa7bd5e845c74a8adf7f5922b7ba30adf504c9fa7de008f4d317d93ef1682e122082987730a", "1700000000")]
    [InlineData("2a6c09", "1700000000")]
    [InlineData(Signature1 + "00", "1700000000")]
    public void Malformed_headers_are_invalid_without_throwing(string? signature, string? timestamp) =>
        Assert.False(Verifier.Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body1)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d75a98")]
    [InlineData("not hex at all, but exactly sixty-four characters long........")]
    public void A_missing_or_malformed_key_rejects_everything(string? key)
    {
        var verifier = new Ed25519SignatureVerifier(key);
        Assert.False(verifier.HasKey);
        Assert.False(verifier.Verify(Signature1, "1700000000", Encoding.UTF8.GetBytes(Body1)));
    }

    [Fact]
    public void A_freshness_window_when_configured_refuses_old_timestamps()
    {
        using var signer = new Signer();
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var verifier = new Ed25519SignatureVerifier(signer.PublicKeyHex, TimeSpan.FromMinutes(5), clock);
        var body = Encoding.UTF8.GetBytes(Body1);

        Assert.True(verifier.Verify(signer.Sign("1800000100", body), "1800000100", body));
        Assert.False(verifier.Verify(signer.Sign("1700000000", body), "1700000000", body));
        Assert.False(verifier.Verify(signer.Sign("soon", body), "soon", body));
    }
}
