using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>Runs an analyzer over a string and returns its terms, bounded in number and length.</summary>
public static class AnalyzedText
{
    public const int MaxTokens = 12;
    public const int MaxTokenLength = 40;

    public static List<string> Terms(Analyzer analyzer, string? text, int maxTokens = MaxTokens)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
            return terms;
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < maxTokens && stream.IncrementToken())
        {
            var value = term.ToString();
            if (value.Length == 0)
                continue;
            terms.Add(value.Length > MaxTokenLength ? value[..MaxTokenLength] : value);
        }
        stream.End();
        return terms;
    }
}
