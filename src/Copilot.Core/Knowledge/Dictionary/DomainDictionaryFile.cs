namespace Copilot.Knowledge.Dictionary;

/// <summary>
/// One file of knowledge/dictionary: a group of entries sharing a weight, and optionally the type of document that
/// answers questions using them (see knowledge/dictionary/README.md).
/// </summary>
internal sealed record DomainDictionaryFile(
    int Schema,
    string? Group,
    string? Description,
    float? Weight,
    string? Prefers,
    IReadOnlyList<DictionaryEntryDefinition>? Entries,
    IReadOnlyList<ProductEntryDefinition>? Products);

/// <summary>
/// Either <c>same</c>: terms that mean one another (each found term adds the rest), or <c>terms</c> → <c>means</c>:
/// the trade's words adding the statute's, one way (a question saying 融资融券 need not search for 两融).
/// </summary>
internal sealed record DictionaryEntryDefinition(
    IReadOnlyList<string>? Same,
    IReadOnlyList<string>? Terms,
    IReadOnlyList<string>? Means,
    float? Weight);

/// <summary>A product of the firm by its code and the names advisors and clients call it.</summary>
internal sealed record ProductEntryDefinition(string? Code, IReadOnlyList<string>? Names);
