using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>
/// Folded words, the general analyzer (person names, and the as-you-type words of titles): NFKC, apostrophes
/// joined, split on anything but letters and digits (so "(Rai)" and "Gontijo-Lopes" give plain tokens), lower
/// case, diacritics folded (Ł → l, é → e, ß → ss). No stop words and no stemming: every part of a name counts.
/// </summary>
public sealed class FoldedWordsAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new LetterOrDigitTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
