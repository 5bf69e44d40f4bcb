using CreditsBot.Core.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;

namespace CreditsBot.Core.Search.Index;

/// <summary>The analyzers of one index, shared by the writer and every query (Lucene analyzers are thread-safe).</summary>
internal sealed class SearchAnalyzers : IDisposable
{
    public FoldedWordsAnalyzer Folded { get; } = new();

    public RoleTextAnalyzer Role { get; } = new();

    public SectionTitleAnalyzer Section { get; } = new();

    /// <summary>Routes each field to the analyzer of its purpose; exact-key fields are not analysed.</summary>
    public Analyzer ForIndexWriter() => new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [IndexFields.PersonTokens] = Folded,
            [IndexFields.Role] = Role,
            [IndexFields.SectionTitle] = Section,
            [IndexFields.SectionArea] = Section,
            [IndexFields.SectionDocument] = Section,
        });

    public void Dispose()
    {
        Folded.Dispose();
        Role.Dispose();
        Section.Dispose();
    }
}
