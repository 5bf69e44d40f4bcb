using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>Tokens are runs of letters, digits and combining marks; everything else (spaces, hyphens, parentheses, &amp;) splits.</summary>
internal sealed class LetterOrDigitTokenizer : CharTokenizer
{
    public LetterOrDigitTokenizer(TextReader input)
        : base(LuceneVersion.LUCENE_48, input)
    {
    }

    protected override bool IsTokenChar(int c)
    {
        if (c > char.MaxValue)
            return false; // emoji and other astral symbols never name anyone
        var category = char.GetUnicodeCategory((char)c);
        return char.IsLetterOrDigit((char)c)
            || category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }
}
