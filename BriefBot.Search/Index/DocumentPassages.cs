using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefBot.Search.Index;

/// <summary>Reads all passages of one document back from the index, for summarising it.</summary>
internal static class DocumentPassages
{
    /// <summary>The passages of the document at <paramref name="path"/> in order; empty when it is not indexed.</summary>
    public static IReadOnlyList<StoredPassage> PassagesOf(this PassageIndex index, string path) => index.Read(searcher =>
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(FieldNames.Kind, FieldNames.PassageKind)), Occur.MUST },
            { new TermQuery(new Term(FieldNames.Path, path)), Occur.MUST },
        };
        int count = Math.Max(1, searcher.IndexReader.NumDocs);
        return searcher.Search(query, count).ScoreDocs
            .Select(hit => IndexRecords.ToStoredPassage(searcher.Doc(hit.Doc)))
            .OrderBy(p => p.Ordinal)
            .ToList();
    });
}
