using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>The chain shared by role and section text: names first, then stop words, abbreviations and a light stemmer.</summary>
internal static class DescriptiveTextAnalysis
{
    /// <summary>English function words plus the words of a question ("who led …", "which team did …").</summary>
    public static readonly CharArraySet StopWords = new(LuceneVersion.LUCENE_48,
        [
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or",
            "the", "to", "was", "were", "with", "who", "whom", "whose", "what", "which", "where", "when", "why", "how",
            "did", "do", "does", "done", "has", "have", "had", "work", "worked", "working", "about", "any",
            "me", "show", "find", "list", "people", "person", "someone", "s", "built", "build", "made", "responsible",
            "owned", "handled", "charge", "behind", "credited", "there",
        ],
        ignoreCase: false);

    public static TokenStreamComponents Create(TextReader reader, CharArraySet stopWords, IReadOnlyDictionary<string, string> abbreviations)
    {
        var tokenizer = new LetterOrDigitTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, stopWords);
        stream = new TokenReplacementFilter(stream, abbreviations);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
