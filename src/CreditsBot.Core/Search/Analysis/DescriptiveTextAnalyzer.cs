using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>
/// Role strings, section, area and document titles, and the questions asked of them ("who led long ctx",
/// "Long context co-lead", "red team"): the folded-words chain, then stop and question words dropped,
/// <see cref="WordForms"/> (irregular forms and short forms), and the Porter stemmer (leads → lead,
/// teaming → team, evaluations → evalu).
/// </summary>
public sealed class DescriptiveTextAnalyzer : Analyzer
{
    /// <summary>English function words plus the words of a question ("who led …", "which team did …").</summary>
    public static readonly CharArraySet StopWords = new(LuceneVersion.LUCENE_48,
        [
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or",
            "the", "to", "was", "were", "with", "who", "whom", "whose", "what", "which", "where", "when", "why", "how",
            "did", "do", "does", "done", "has", "have", "had", "work", "worked", "working", "about", "any",
            "me", "show", "find", "list", "people", "person", "someone", "s", "built", "build", "made", "responsible",
            "owned", "handled", "charge", "behind", "credited", "there", "whos", "folks",
        ],
        ignoreCase: false);

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new LetterOrDigitTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, StopWords);
        stream = new TokenReplacementFilter(stream, WordForms.Replacements);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
