using System.ComponentModel.DataAnnotations;

namespace BriefBot.Storage;

/// <summary>The "Storage" configuration section.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; created with its folder when missing.</summary>
    [Required]
    public string Path { get; set; } = "data/briefbot.db";
}
