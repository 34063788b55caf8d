using MimeKit;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads an e-mail message (.eml) with MimeKit: the subject as title, the sender and date as metadata and as a line
/// a reader sees, then the plain-text body (or the HTML body's text) paragraph by paragraph. Attachments are not read.
/// </summary>
internal static class EmailReader
{
    public static SourceDocument Read(DocumentInput input)
    {
        using var stream = new MemoryStream(input.Content, writable: false);
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(stream);
        }
        catch (FormatException ex)
        {
            throw new UnreadableDocumentException(SkipReason.Corrupt, $"not a MIME message: {ex.Message}");
        }

        string from = string.Join(", ", message.From.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));
        var builder = new DocumentBuilder();
        string subject = string.IsNullOrWhiteSpace(message.Subject) ? DocumentInput.TitleFromFileName(input.RelativePath) : message.Subject.Trim();
        builder.Heading(1, subject);
        string sent = message.Date == DateTimeOffset.MinValue ? "" : message.Date.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
        builder.Add(ContentKind.Prose, $"From: {from}" + (sent.Length > 0 ? $" \u00B7 Date: {sent}" : ""));
        string body = message.TextBody ?? (message.HtmlBody is { } html ? Markup.TextOfHtml(html) : "");
        foreach (string paragraph in body.Replace("\r\n", "\n").Split("\n\n"))
        {
            // Quoted replies ("> ...") are what the thread said before, not this message.
            var lines = paragraph.Split('\n').Where(l => !l.TrimStart().StartsWith('>')).ToList();
            builder.Add(ContentKind.Prose, string.Join(' ', lines));
        }

        var metadata = new DocumentMetadata(
            subject,
            Author: from.Length > 0 ? from : null,
            Date: message.Date == DateTimeOffset.MinValue ? null : message.Date);
        return builder.Build(input.RelativePath, "email", metadata, input.Hash, input.Modified);
    }
}
