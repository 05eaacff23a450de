using Copilot.Chat;
using Copilot.Clients;
using Copilot.Compliance;
using Copilot.Knowledge;
using Copilot.Llm;
using Copilot.Prompts;
using Microsoft.Extensions.AI;

namespace Copilot.Drafting;

/// <summary>Everything one draft is written from.</summary>
public sealed record DraftContext(ValidDraftRequest Request, Advisors.Advisor Advisor, IReadOnlyList<SearchHit> Research);

/// <summary>A message body and the research it cites.</summary>
public sealed record WrittenBody(string Body, IReadOnlyList<Citation> Citations);

/// <summary>
/// Writes a client message body: with the model from the scenario's prompt, or in template mode from the
/// scenario's fixed text. Revises a body the pre-check failed: with the revision prompt, or by dropping the
/// offending sentences.
/// </summary>
public sealed class DraftWriter(PromptLibrary prompts, TimeProvider time, IChatClient? model = null)
{
    public async Task<WrittenBody> WriteAsync(DraftContext context, CancellationToken ct)
    {
        var request = context.Request;
        var language = request.Chinese ? "zh" : "en";
        if (model is null)
        {
            var (research, citations) = DraftResearch.Attributed(context.Research, request.Chinese);
            var body = await prompts.RenderTemplateAsync(request.Scenario.PromptName, language, new Dictionary<string, object?>
            {
                ["client_name"] = request.Client.Name,
                ["holdings_summary"] = HoldingsSummary(request, request.Chinese),
                ["research"] = research,
                ["product"] = ProductSummary(request, request.Chinese),
            }, ct);
            return new WrittenBody(Tidy(body), citations);
        }

        // One fence for both messages: the system part names it, the user part's data sits inside it.
        var fence = DataFence.New();
        var system = await SystemPromptAsync(context, fence, ct);
        // What the message is about: the scenario's research words, the client's holdings and the pitched products, and the
        // risks the message must state. A passage goes in as its sentences and table rows that bear on these (PassageQuoter),
        // not whole: the writer uses one view of it, and a campaign pays for every token of every passage.
        var about = string.Join(' ', [request.Scenario.ResearchQuery, "风险 risk",
            .. (request.Client.Holdings ?? []).Select(h => $"{h.Name} {h.Code}"), .. request.Products.Select(p => p.Code)]);
        var user = await prompts.RenderAsync(request.Scenario.PromptName, new Dictionary<string, object?>
        {
            ["client"] = fence.Wrap("client", ClientPromptValue.Render(request.Client, request.Scenario.Code)),
            // An empty block costs two fence tags and says nothing; "(none)" holds no client text, so it needs no fence.
            ["products"] = request.Products.Count == 0 ? "(none)"
                : fence.Wrap("products", string.Join('\n', request.Products.Select(p => $"- {p.Code} ({p.RiskLevel}{(p.LockupMonths is { } l ? $", lock-up {l} months" : "")})"))),
            ["notes"] = string.IsNullOrWhiteSpace(request.Notes) ? "(none)" : fence.Wrap("notes", request.Notes),
            ["passages"] = PassageFormatter.ForPrompt(context.Research, fence, hit => Excerpt(hit, about)),
            ["channel"] = request.Channel.Channel,
            // The footer is added afterwards; the model writes only what fits before it.
            ["max_chars"] = request.Channel.BodyRoom(context.Advisor, request.Chinese),
            ["language"] = request.Chinese ? "Simplified Chinese" : "English",
        }, ct);
        using var call = ModelCallContext.Begin(ModelPurpose.Draft, context.Advisor.Id);
        var response = await model.GetResponseAsync(
            [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)], prompts.ChatOptionsFor(request.Scenario.PromptName), ct);
        var text = Tidy(response.Text);
        return new WrittenBody(text, CitationExtractor.Extract(text, context.Research));
    }

    public async Task<string> ReviseAsync(DraftContext context, string body, IReadOnlyList<ComplianceFinding> findings, CancellationToken ct)
    {
        if (model is null) return DropOffendingSentences(body, findings);
        var fence = DataFence.New();
        var prompt = await prompts.RenderAsync("draft-revise", new Dictionary<string, object?>
        {
            ["text"] = fence.Wrap("message", body),
            ["findings"] = fence.Wrap("findings", string.Join('\n', findings.Select(f => $"{f.RuleId}: {f.Message} ({Excerpt(body, f)})"))),
            ["max_chars"] = context.Request.Channel.BodyRoom(context.Advisor, context.Request.Chinese),
            ["language"] = context.Request.Chinese ? "Simplified Chinese" : "English",
        }, ct);
        // The revision is written under the same hard rules and hierarchy as the first draft.
        using var call = ModelCallContext.Begin(ModelPurpose.Draft, context.Advisor.Id);
        var response = await model.GetResponseAsync(
            [new ChatMessage(ChatRole.System, await SystemPromptAsync(context, fence, ct)), new ChatMessage(ChatRole.User, prompt)],
            prompts.ChatOptionsFor("draft-revise"), ct);
        return Tidy(response.Text);
    }

    private Task<string> SystemPromptAsync(DraftContext context, DataFence fence, CancellationToken ct) =>
        prompts.RenderAsync("draft-system", fence, new Dictionary<string, object?>
        {
            ["firm"] = context.Advisor.Firm,
            ["today"] = DateOnly.FromDateTime(time.GetLocalNow().DateTime).ToString("yyyy-MM-dd"),
            ["risk_class"] = context.Request.Client.RiskClass,
        }, ct);

    /// <summary>Template mode's revision: the sentences a blocking finding points into are removed.</summary>
    public static string DropOffendingSentences(string body, IReadOnlyList<ComplianceFinding> findings)
    {
        var blocking = findings.Where(f => f.Severity == "block" && f.End > f.Start).ToList();
        var kept = new List<string>();
        var position = 0;
        foreach (var sentence in Knowledge.Chunking.SentenceSplitter.Split(body))
        {
            var start = body.IndexOf(sentence, position, StringComparison.Ordinal);
            var end = start + sentence.Length;
            position = Math.Max(position, end);
            if (!blocking.Any(f => f.Start < end && f.End > start)) kept.Add(sentence);
        }
        return string.Join(body.Any(c => c > 0x2e80) ? "" : " ", kept);
    }

    /// <summary>
    /// A passage for the writing prompt: the sentences and rows that bear on the message, under the document's own risk level
    /// (its front matter's), which a quote may leave out and the writer must weigh against the client's class.
    /// </summary>
    private static string Excerpt(SearchHit hit, string about)
    {
        var quote = PassageQuoter.Quote(about, hit.Chunk.Text);
        return hit.Document.RiskLevel is { Length: > 0 } risk ? $"(risk level {risk})\n{quote}" : quote;
    }

    private static string Excerpt(string body, ComplianceFinding finding) =>
        finding.End > finding.Start && finding.End <= body.Length ? body[finding.Start..finding.End] : "";

    private static string HoldingsSummary(ValidDraftRequest request, bool chinese)
    {
        var names = (request.Client.Holdings ?? []).OrderByDescending(h => h.Weight ?? 0).Take(3).Select(h => h.Name ?? h.Code).ToList();
        return names.Count == 0 ? (chinese ? "相关品种" : "your portfolio") : string.Join(chinese ? "、" : ", ", names);
    }

    private static string ProductSummary(ValidDraftRequest request, bool chinese)
    {
        var product = request.Products.FirstOrDefault();
        if (product is null) return chinese ? "新产品" : "a new product";
        var lockup = product.LockupMonths is { } months && months > 0 ? (chinese ? $"，封闭期{months}个月" : $", lock-up {months} months") : "";
        return chinese ? $"{product.Code}（风险等级{product.RiskLevel}{lockup}）" : $"{product.Code} (risk level {product.RiskLevel}{lockup})";
    }

    // Models sometimes wrap the message in quotes or add a signature line; the footer is ours to add.
    private static string Tidy(string text) => text.Trim().Trim('"', '“', '”').Replace("  ", " ").Trim();
}
