using Copilot.Compliance;
using Copilot.Compliance.Judge;
using Copilot.Llm;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns;

/// <summary>
/// Estimates a campaign from what this service measured on its latest campaign drafts (model calls and prompt tokens
/// per draft as the model reported them, seconds per draft), falling back to the configured assumptions before any.
/// Template mode calls no model.
/// </summary>
public sealed class CampaignEstimator(
    IDbContextFactory<CopilotDbContext> contexts, GeneratorInfo generator, ComplianceJudge judge, IOptions<ComplianceOptions> compliance,
    IOptions<CampaignOptions> options)
{
    private const int Sample = 1_000;

    public async Task<CampaignEstimate> EstimateAsync(int clients, CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var recent = await db.CampaignItems.AsNoTracking().Where(i => i.Status == CampaignItemStatus.Drafted && i.DurationMs != null)
            .OrderByDescending(i => i.FinishedAtUtc).Take(Sample).Select(i => new { i.CampaignId, i.DurationMs }).ToListAsync(ct);
        var secondsPerDraft = recent.Count > 0 ? recent.Average(i => i.DurationMs!.Value) / 1000.0
            : generator.IsTemplate ? 0.05 : settings.EstimatedSecondsPerDraft;
        var minutes = Math.Round(clients * secondsPerDraft / settings.Concurrency / 60.0, 1);
        if (generator.IsTemplate) return new CampaignEstimate(clients, 0, 0, minutes);

        // Writing, the judge when on, and a revision (write and judge again) for the drafts that fail the first pre-check.
        var assumedCalls = compliance.Value.UseLlmJudge && judge.IsEnabled ? 2.0 : 1.0;
        var callsPerDraft = assumedCalls;
        double promptPerCall = settings.EstimatedPromptTokensPerCall;
        var campaigns = recent.Select(i => i.CampaignId).Distinct().ToList();
        if (campaigns.Count > 0)
        {
            var usage = db.ModelUsage.AsNoTracking().Where(u => u.CampaignId != null && campaigns.Contains(u.CampaignId));
            var measuredCalls = await usage.CountAsync(ct);
            var drafted = await db.CampaignItems.CountAsync(i => campaigns.Contains(i.CampaignId) && i.Status == CampaignItemStatus.Drafted, ct);
            if (measuredCalls > 0 && drafted > 0)
            {
                callsPerDraft = (double)measuredCalls / drafted;
                promptPerCall = (double)await usage.SumAsync(u => u.InputTokens, ct) / measuredCalls;
            }
        }
        var calls = (int)Math.Ceiling(clients * callsPerDraft);
        return new CampaignEstimate(clients, calls, (long)Math.Ceiling(calls * promptPerCall), minutes);
    }
}
