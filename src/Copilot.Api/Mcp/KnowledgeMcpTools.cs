using System.ComponentModel;
using Copilot.Api.Auth;
using Copilot.Api.Chat;
using Copilot.Api.Knowledge;
using Copilot.Chat;
using Copilot.Compliance;
using Copilot.Knowledge;
using Copilot.Plugins.Compliance;
using Copilot.Clients;
using ModelContextProtocol.Server;

namespace Copilot.Api.Mcp;

/// <summary>The tools every caller gets, needing no advisor: search the knowledge base, ask a grounded question, check a text.</summary>
[McpServerToolType]
public sealed class KnowledgeMcpTools(
    McpToolContext context, KnowledgeSearch search, ChatService chat, ComplianceChecker checker, ProductCatalog catalog,
    ClientDirectory clients, TimeProvider time)
{
    [McpServerTool(Name = "search_knowledge", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Search the brokerage's research notes, product sheets, compliance rules and FAQs (mostly Chinese; ask in Chinese or English). "
        + "Returns the best passages, each with its document id, title, section, score and tags. Quote them with their document and section.")]
    public Task<SearchResponse> SearchKnowledgeAsync(
        [Description("What to look for, in the user's words, e.g. 科创板开户要求 or margin financing rate")] string query,
        [Description("Only this kind of content: research, compliance, product or faq; omit for all")] string? type = null,
        [Description("Only content for this audience: internal (staff only) or client (may be shown to clients); omit for both")] string? audience = null,
        [Description("Only content about this product code, e.g. ES4001")] string? productCode = null,
        [Description("How many passages, 1 to 20 (default 5)")] int top = 5,
        CancellationToken ct = default) => context.RunAsync("search_knowledge", async () =>
    {
        if (string.IsNullOrWhiteSpace(query)) throw new Copilot.Common.InputValidationException("query", "The search text must not be empty.");
        if (top is < 1 or > 20) throw new Copilot.Common.InputValidationException("top", "Use a number between 1 and 20.");
        var filter = KnowledgeFilterParser.Parse(new KnowledgeFilterFields(type, audience, productCode), Today());
        var hits = await search.SearchAsync(query, top, filter, ct);
        return new SearchResponse(hits.Select(hit => new SearchResultItem(hit.Document.Id, hit.Document.Title, hit.Chunk.ChunkId,
            hit.Chunk.Section, Math.Round(hit.Score, 4), hit.Chunk.Text, [hit.Document.Type.ToString().ToLowerInvariant()])).ToList());
    });

    [McpServerTool(Name = "ask", ReadOnly = false, Idempotent = false, OpenWorld = false)]
    [Description("Ask the advisor copilot a question (Chinese or English). The answer is grounded in the brokerage's content and cites its sources as "
        + "numbered markers [1], [2] that match the returned citations (document, section, snippet). 'generator' says what wrote it: "
        + "\"template\" (no model configured: the answer quotes the best passages verbatim) or \"llm:<model>\". "
        + "Pass the returned conversationId to ask a follow-up in the same conversation.")]
    public Task<ChatResponse> AskAsync(
        [Description("The question, e.g. C2级客户能买R3的产品吗？")] string question,
        [Description("The conversationId of an earlier answer, to continue that conversation; omit to start a new one")] string? conversationId = null,
        [Description("Only this kind of content: research, compliance, product or faq; omit for all")] string? type = null,
        [Description("CRM and admin keys: the advisor whose copilot answers (with a model it may look up that advisor's clients and draft for them). Advisor keys: omit")] string? advisorId = null,
        CancellationToken ct = default) => context.RunAsync("ask", async () =>
    {
        var caller = context.Caller;
        var advisor = caller.ActFor(string.IsNullOrWhiteSpace(advisorId) ? null : advisorId.Trim(), "advisorId");
        var filter = KnowledgeFilterParser.Parse(new KnowledgeFilterFields(type), Today());
        var session = await chat.StartAsync(new ChatRequest(question ?? "", conversationId, filter, advisor, caller.Name, caller.AuthorFor(advisor), Streamed: false), ct);
        await foreach (var item in session.Events.WithCancellation(ct))
            if (item is AnswerCompleted done) return ChatResponse.From(session.ConversationId, done.Answer);
        throw new InvalidOperationException("The answer stream ended without an answer.");
    });

    [McpServerTool(Name = "check_compliance", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Pre-check a client message (Chinese or English) against the brokerage's compliance rules: promised returns, missing risk warning, "
        + "advisor identity, off-platform contact, unsuitable products and so on. Returns a verdict (pass, review or fail) and findings, each with "
        + "its rule id, severity, reason and character span [start, end) in the text. Advisor keys may name one of their clients to check suitability too.")]
    public Task<ComplianceResult> CheckComplianceAsync(
        [Description("The message text exactly as it would be sent")] string text,
        [Description("Optional: the client it is for, by id (or name when only one of the advisor's clients has it), to check products against the client's risk class")] string? client = null,
        CancellationToken ct = default) => context.RunAsync("check_compliance", async () =>
    {
        if (string.IsNullOrWhiteSpace(text)) throw new Copilot.Common.InputValidationException("text", "The text must not be empty.");
        var caller = context.Caller;
        // Only an advisor's key has clients of its own to name; for other callers a named client matches no one.
        var advisor = caller.Role == CallerRole.Advisor ? caller.AdvisorId ?? "" : "";
        return await new CompliancePlugin(checker, catalog, clients, advisor).CheckAsync(text, string.IsNullOrWhiteSpace(client) ? null : client, ct);
    });

    private DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
