using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefBot.Search.Index;

/// <summary>A passage as stored in the index, with what a citation needs.</summary>
internal sealed record StoredPassage(string Path, string Title, string? Url, int Ordinal, string? Section, int Start, int End, string Text);

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
            .Select(hit => searcher.Doc(hit.Doc))
            .Select(d => new StoredPassage(
                d.Get(FieldNames.Path),
                d.Get(FieldNames.Title),
                d.Get(FieldNames.Url),
                d.GetField(FieldNames.Ordinal).GetInt32Value() ?? 0,
                d.Get(FieldNames.Section),
                d.GetField(FieldNames.Start).GetInt32Value() ?? 0,
                d.GetField(FieldNames.End).GetInt32Value() ?? 0,
                d.Get(FieldNames.Text)))
            .OrderBy(p => p.Ordinal)
            .ToList();
    });
}
