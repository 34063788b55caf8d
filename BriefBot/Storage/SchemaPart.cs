namespace BriefBot.Storage;

/// <summary>
/// The tables of one feature. Migration <c>i</c> takes the part from version <c>i</c> to <c>i + 1</c>; the database
/// records each part's version and runs only the migrations it has not run yet. Never edit a shipped migration:
/// append a new one.
/// </summary>
internal sealed record SchemaPart(string Name, IReadOnlyList<string> Migrations);
