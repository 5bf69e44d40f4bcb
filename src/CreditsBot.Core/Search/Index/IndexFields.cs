namespace CreditsBot.Core.Search.Index;

/// <summary>Field names of the one Lucene index. Each kind of document has its own fields, so a query on one kind never meets another.</summary>
internal static class IndexFields
{
    /// <summary>Position of the document in its <see cref="CreditsIndexData"/> array (numeric doc values).</summary>
    public const string Ordinal = "ord";

    public const string PersonExact = "p_exact";
    public const string PersonTokens = "p_tok";

    /// <summary>Stems and folded words of the title, the area and the document, already analysed: one field to gather candidates from.</summary>
    public const string SectionTerms = "s_terms";
    /// <summary>Folded, unstemmed words of the title, the area and the document (slips, as-you-type prefixes).</summary>
    public const string SectionWords = "s_words";
    /// <summary>The document id, untokenised: a document filter inside the query, before any cut.</summary>
    public const string SectionDocumentId = "s_docid";

    /// <summary>Stems and folded words of the role text, already analysed.</summary>
    public const string RoleTerms = "r_terms";
    public const string RoleWords = "r_words";
    /// <summary>Each document in which the role text is held, untokenised.</summary>
    public const string RoleDocumentId = "r_docid";

    /// <summary>Commit user data: the fingerprint of the inputs the index was built from.</summary>
    public const string FingerprintKey = "creditsbot.fingerprint";
}
