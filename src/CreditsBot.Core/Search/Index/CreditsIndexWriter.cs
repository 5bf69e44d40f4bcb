using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CreditsBot.Core.Search.Index;

/// <summary>Writes the Lucene documents of a <see cref="CreditsIndexData"/> into a directory, in one commit.</summary>
internal static class CreditsIndexWriter
{
    public static void Write(LuceneDirectory directory, CreditsIndexData data, SearchAnalyzers analyzers, string fingerprint)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzers.ForIndexWriter())
        {
            OpenMode = OpenMode.CREATE,
            // Merging only neighbours keeps documents in insertion order, so the first hits of a tier are the best known people.
            MergePolicy = new LogByteSizeMergePolicy { NoCFSRatio = 0 },
            RAMBufferSizeMB = 128,
            // A compound file is read through one shared input under a lock: plain files let lookups read side by side.
            UseCompoundFile = false,
        };
        using var writer = new IndexWriter(directory, config);

        foreach (var person in data.People)
        {
            var document = new Document { new NumericDocValuesField(IndexFields.Ordinal, person.Ordinal) };
            foreach (var key in person.ExactKeys)
                document.Add(new StringField(IndexFields.PersonExact, key, Field.Store.NO));
            // Already analysed: the analyzer passes the tokens through unchanged.
            document.Add(new TextField(IndexFields.PersonTokens, string.Join(' ', person.SearchTokens), Field.Store.NO));
            writer.AddDocument(document);
        }

        foreach (var section in data.Sections)
        {
            writer.AddDocument(new Document
            {
                new NumericDocValuesField(IndexFields.Ordinal, section.Ordinal),
                new TextField(IndexFields.SectionTerms, Terms(section.TitleTokens, section.AreaTokens, section.DocumentTokens,
                    section.TitleWords, section.AreaWords, section.DocumentWords), Field.Store.NO),
                new TextField(IndexFields.SectionWords, string.Join(' ', section.TitleWords.Concat(section.AreaWords).Concat(section.DocumentWords)), Field.Store.NO),
                new StringField(IndexFields.SectionDocumentId, section.Document.Id, Field.Store.NO),
            });
        }

        foreach (var role in data.Roles)
        {
            var document = new Document
            {
                new NumericDocValuesField(IndexFields.Ordinal, role.Ordinal),
                new TextField(IndexFields.RoleTerms, Terms(role.Tokens, role.Words), Field.Store.NO),
                new TextField(IndexFields.RoleWords, string.Join(' ', role.Words), Field.Store.NO),
            };
            foreach (var id in role.Documents.Select(d => d.DocumentId).Distinct(StringComparer.Ordinal))
                document.Add(new StringField(IndexFields.RoleDocumentId, id, Field.Store.NO));
            writer.AddDocument(document);
        }

        // One segment: every term is looked up once per query, not once per segment (merging keeps insertion order).
        writer.ForceMerge(1);
        writer.SetCommitData(new Dictionary<string, string> { [IndexFields.FingerprintKey] = fingerprint });
        writer.Commit();
    }

    /// <summary>Every distinct stem and word once, space-separated, for a pre-analysed field.</summary>
    private static string Terms(params string[][] parts) => string.Join(' ', parts.SelectMany(p => p).Distinct(StringComparer.Ordinal));
}
