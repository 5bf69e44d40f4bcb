using Lucene.Net.Analysis;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>Runs <see cref="SearchTextNormalizer"/> over the whole field before tokenizing (fields are short).</summary>
internal sealed class NormalizingCharFilter : CharFilter
{
    private readonly StringReader normalized;

    public NormalizingCharFilter(TextReader input)
        : base(input)
    {
        normalized = new StringReader(SearchTextNormalizer.Normalize(ReadCapped(input)));
    }

    public override int Read(char[] buffer, int index, int count) => normalized.Read(buffer, index, count);

    public override int Read() => normalized.Read();

    protected override int Correct(int currentOff) => currentOff; // offsets are never used (no highlighting)

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            normalized.Dispose();
        base.Dispose(disposing);
    }

    private static string ReadCapped(TextReader input)
    {
        var buffer = new char[SearchTextNormalizer.MaxLength * 4];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = input.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        return new string(buffer, 0, total);
    }
}
