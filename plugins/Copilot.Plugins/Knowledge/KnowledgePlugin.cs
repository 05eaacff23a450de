using System.ComponentModel;
using Copilot.Knowledge;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins.Knowledge;

/// <summary>Lets the orchestrator search the firm's research and compliance content, citing what it finds.</summary>
public sealed class KnowledgePlugin(KnowledgeSearch search, TimeProvider time)
{
    /// <summary>One passage as the model sees it.</summary>
    public sealed record Passage(string DocumentId, string Title, string Section, string Text, string? Publisher, string? Published);

    [KernelFunction("search_knowledge")]
    [Description("Search the firm's research notes, product sheets, compliance rules and FAQs. Returns the most relevant passages with their document and section.")]
    public async Task<IReadOnlyList<Passage>> SearchAsync(
        [Description("What to look for, in the user's words (Chinese or English)")] string query,
        [Description("Only this kind of content: research, compliance, product or faq; empty for all")] string? type = null,
        [Description("How many passages, 1 to 10")] int top = 5,
        CancellationToken ct = default)
    {
        var filter = new KnowledgeFilter(
            Type: Copilot.Common.EnumText.TryParse<DocumentType>(type, out var t) ? t : null,
            ValidOn: DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var hits = await search.SearchAsync(query, Math.Clamp(top, 1, 10), filter, ct);
        return hits.Select(hit => new Passage(hit.Document.Id, hit.Document.Title, hit.Chunk.Section, hit.Chunk.Text,
            hit.Document.Publisher, hit.Document.Published?.ToString("yyyy-MM-dd"))).ToList();
    }
}
