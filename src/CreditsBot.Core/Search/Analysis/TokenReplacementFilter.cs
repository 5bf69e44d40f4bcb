using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>Replaces whole tokens from a small table (abbreviations such as "ctx" → "context").</summary>
internal sealed class TokenReplacementFilter : TokenFilter
{
    private readonly IReadOnlyDictionary<string, string> replacements;
    private readonly ICharTermAttribute term;

    public TokenReplacementFilter(TokenStream input, IReadOnlyDictionary<string, string> replacements)
        : base(input)
    {
        this.replacements = replacements;
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (replacements.TryGetValue(term.ToString(), out var replacement))
            term.SetEmpty().Append(replacement);
        return true;
    }
}
