namespace CreditsBot.Core.Search.Index;

/// <summary>Field names of the one Lucene index. Each kind of document has its own fields, so a query on one kind never meets another.</summary>
internal static class IndexFields
{
    /// <summary>Position of the document in its <see cref="CreditsIndexData"/> array (numeric doc values).</summary>
    public const string Ordinal = "ord";

    public const string PersonExact = "p_exact";
    public const string PersonTokens = "p_tok";

    public const string SectionTitle = "s_title";
    public const string SectionArea = "s_area";
    public const string SectionDocument = "s_doc";

    public const string Role = "r_role";

    /// <summary>Commit user data: the fingerprint of the inputs the index was built from.</summary>
    public const string FingerprintKey = "creditsbot.fingerprint";
}
