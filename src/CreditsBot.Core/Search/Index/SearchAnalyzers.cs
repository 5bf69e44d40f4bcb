using CreditsBot.Core.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;

namespace CreditsBot.Core.Search.Index;

/// <summary>The analyzers of one index, shared by the writer and every query (Lucene analyzers are thread-safe).</summary>
internal sealed class SearchAnalyzers : IDisposable
{
    public FoldedWordsAnalyzer Folded { get; } = new();

    /// <summary>Roles and titles: stop words, word forms, stems.</summary>
    public DescriptiveTextAnalyzer Descriptive { get; } = new();

    /// <summary>Fields whose terms were analysed when the data was built: split at spaces, nothing else.</summary>
    private static readonly Analyzer PreAnalysed = new WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);

    /// <summary>Routes each field to the analyzer of its purpose; exact-key fields are not analysed.</summary>
    public Analyzer ForIndexWriter() => new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [IndexFields.PersonTokens] = Folded,
            [IndexFields.SectionWords] = Folded,
            [IndexFields.RoleWords] = Folded,
            [IndexFields.RoleTerms] = PreAnalysed,
            [IndexFields.SectionTerms] = PreAnalysed,
        });

    public void Dispose()
    {
        Folded.Dispose();
        Descriptive.Dispose();
    }
}
