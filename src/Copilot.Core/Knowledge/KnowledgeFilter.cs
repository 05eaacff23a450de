namespace Copilot.Knowledge;

/// <summary>Restricts a search to documents of a type, an audience, a product, or still valid on a day.</summary>
public sealed record KnowledgeFilter(
    DocumentType? Type = null,
    Audience? Audience = null,
    string? ProductCode = null,
    DateOnly? ValidOn = null,
    string? DocumentId = null)
{
    public static readonly KnowledgeFilter None = new();
}
