using System.Text.Json;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Knowledge;

namespace Copilot.Leads;

/// <summary>
/// Picks client-audience documents for a lead: still valid, in the client's language, and suitable for the client's risk
/// class — a product document only when its risk level is within the class (R1 only for the lowest category), other documents
/// only when they carry no higher risk level. Ranked by the kind's preferred document types, then by how many of the
/// scenario's research words the title holds, then newest first. Compliance documents are for staff and never offered.
/// </summary>
public sealed class LeadContentPicker
{
    private const int PerLead = 3;
    private readonly List<(DocumentMetadata Meta, int? Level)> _documents;
    private readonly Dictionary<(string, int, string), IReadOnlyList<LeadContent>> _picked = [];

    public LeadContentPicker(IEnumerable<KnowledgeDocumentRecord> documents, DateOnly asOf) =>
        _documents = documents
            .Where(d => d.Audience == Audience.Client && d.Type != DocumentType.Compliance)
            .Select(d => JsonSerializer.Deserialize<DocumentMetadata>(d.MetadataJson, CopilotJson.Options)!)
            .Where(m => m.IsValidOn(asOf))
            .Select(m => (m, RiskLevels.Level(m.RiskLevel)))
            .Where(d => d.m.Type != DocumentType.Product || d.Item2 is not null)
            .ToList();

    /// <param name="ceiling">The highest product risk level the client may be offered (1–5).</param>
    public IReadOnlyList<LeadContent> For(LeadKind kind, int ceiling, string? clientLanguage)
    {
        var language = clientLanguage is not null && clientLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
        if (_picked.TryGetValue((kind.Code, ceiling, language), out var known)) return known;
        var words = ScenarioCatalog.Find(kind.ScenarioKind, kind.ScenarioCode)?.ResearchQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var picked = _documents
            .Where(d => (d.Level ?? 0) <= ceiling && d.Meta.Language.StartsWith(language, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => Preference(kind, d.Meta.Type))
            .ThenByDescending(d => words.Count(w => d.Meta.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(d => d.Meta.Published)
            .ThenBy(d => d.Meta.Id, StringComparer.Ordinal)
            .Take(PerLead)
            .Select(d => new LeadContent(d.Meta.Id, d.Meta.Title, d.Meta.Type.ToString().ToLowerInvariant(), d.Meta.RiskLevel, d.Meta.ProductCodes))
            .ToList();
        return _picked[(kind.Code, ceiling, language)] = picked;
    }

    private static int Preference(LeadKind kind, DocumentType type)
    {
        var index = kind.PreferredContent.ToList().IndexOf(type.ToString().ToLowerInvariant());
        return index < 0 ? kind.PreferredContent.Count : index;
    }
}
