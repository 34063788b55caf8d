using BriefBot.Search.Documents;
using Lucene.Net.Documents;

namespace BriefBot.Search.Index;

/// <summary>A passage as stored in the index, with what a citation needs.</summary>
internal sealed record StoredPassage(
    string Path, string Title, string? Url, string? Slug, int Ordinal, string? Section, string? Location, int Start, int End, string Text);

/// <summary>How documents and passages are written to Lucene records and read back; one place for both ways.</summary>
internal static class IndexRecords
{
    /// <summary>
    /// The version of how documents are read and split, stored with each document: an index written by older readers
    /// (which kept Markdown as written) is read again on the next refresh, file by file, though no file changed.
    /// </summary>
    public const int ReadersVersion = 2;

    public static Document DocumentRecord(SourceDocument source, int passages, DateTimeOffset now)
    {
        var record = new Document
        {
            new StringField(FieldNames.Kind, FieldNames.DocumentKind, Field.Store.YES),
            new StringField(FieldNames.Path, source.RelativePath, Field.Store.YES),
            new StringField(FieldNames.Format, source.Format, Field.Store.YES),
            new StoredField(FieldNames.Title, source.Title),
            new StoredField(FieldNames.Hash, source.ContentHash),
            new StoredField(FieldNames.Modified, source.Modified.ToUnixTimeMilliseconds()),
            new StoredField(FieldNames.Indexed, now.ToUnixTimeMilliseconds()),
            new StoredField(FieldNames.Passages, passages),
            new StoredField(FieldNames.ReadWith, ReadersVersion),
        };
        AddLinks(record, source.Metadata);
        return record;
    }

    public static Document PassageRecord(SourceDocument source, Passage passage)
    {
        var meta = source.Metadata;
        string? section = passage.SectionUnder(source.Title);
        var record = new Document
        {
            new StringField(FieldNames.Kind, FieldNames.PassageKind, Field.Store.YES),
            new StringField(FieldNames.Path, source.RelativePath, Field.Store.YES),
            new StringField(FieldNames.Id, passage.Id, Field.Store.YES),
            new StringField(FieldNames.Format, source.Format, Field.Store.NO),
            new StoredField(FieldNames.Ordinal, passage.Ordinal),
            new StoredField(FieldNames.Start, passage.Start),
            new StoredField(FieldNames.End, passage.End),
            new TextField(FieldNames.Text, passage.Text, Field.Store.YES),
            new TextField(FieldNames.Title, string.Join(". ", meta.Aliases.Prepend(meta.Title)), Field.Store.NO),
            new StoredField(FieldNames.Title, meta.Title),
        };
        if (section is not null)
        {
            record.Add(new TextField(FieldNames.Section, section, Field.Store.YES));
        }

        foreach (string heading in passage.HeadingPath)
        {
            record.Add(new StoredField(FieldNames.HeadingPath, heading));
        }

        if (meta.Description is { } description)
        {
            record.Add(new TextField(FieldNames.Description, description, Field.Store.YES));
        }

        if (passage.Location.Describe() is { Length: > 0 } location)
        {
            record.Add(new StoredField(FieldNames.Location, location));
        }

        foreach (var kind in passage.Parts.Select(p => p.Kind).Distinct())
        {
            record.Add(new StringField(FieldNames.Content, kind.ToString().ToLowerInvariant(), Field.Store.YES));
        }

        foreach (string language in passage.Parts.Select(p => p.Language).OfType<string>().Distinct())
        {
            record.Add(new StringField(FieldNames.Language, language, Field.Store.YES));
        }

        if (passage.Parts.Select(p => p.Header).OfType<string>().FirstOrDefault() is { } header)
        {
            record.Add(new StoredField(FieldNames.TableHeader, header));
        }

        AddLinks(record, meta);
        return record;
    }

    public static StoredPassage ToStoredPassage(Document d) => new(
        d.Get(FieldNames.Path),
        d.Get(FieldNames.Title),
        d.Get(FieldNames.Url),
        d.Get(FieldNames.Slug),
        d.GetField(FieldNames.Ordinal).GetInt32Value() ?? 0,
        d.Get(FieldNames.Section),
        d.Get(FieldNames.Location),
        d.GetField(FieldNames.Start).GetInt32Value() ?? 0,
        d.GetField(FieldNames.End).GetInt32Value() ?? 0,
        d.Get(FieldNames.Text));

    public static IndexedDocument ToIndexedDocument(Document d) => new(
        d.Get(FieldNames.Path),
        d.Get(FieldNames.Title),
        d.Get(FieldNames.Url),
        d.Get(FieldNames.Slug),
        d.Get(FieldNames.Format) ?? DocumentFormats.NameOf(d.Get(FieldNames.Path)),
        d.Get(FieldNames.Hash),
        DateTimeOffset.FromUnixTimeMilliseconds(d.GetField(FieldNames.Modified).GetInt64Value() ?? 0),
        DateTimeOffset.FromUnixTimeMilliseconds(d.GetField(FieldNames.Indexed).GetInt64Value() ?? 0),
        d.GetField(FieldNames.Passages).GetInt32Value() ?? 0,
        d.GetField(FieldNames.ReadWith)?.GetInt32Value() ?? 1);

    private static void AddLinks(Document record, DocumentMetadata meta)
    {
        if (meta.Url is not null)
        {
            record.Add(new StoredField(FieldNames.Url, meta.Url));
        }

        if (meta.Slug is not null)
        {
            record.Add(new StoredField(FieldNames.Slug, meta.Slug));
        }
    }
}
