using Copilot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Copilot.Llm;

/// <summary>Records each model call's reported token usage and sums an advisor's usage for the daily budget.</summary>
public sealed class ModelUsageLedger(
    IDbContextFactory<CopilotDbContext> contexts, TimeProvider time, IHttpContextAccessor http, ILogger<ModelUsageLedger> logger)
{
    /// <summary>Stores one call's usage. A failure to record is logged, never turned into a failed answer.</summary>
    public async Task RecordAsync(ModelCall? call, string model, long inputTokens, long outputTokens)
    {
        var record = new ModelUsageRecord
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Purpose = call?.Purpose ?? "unknown",
            Model = model,
            AdvisorId = call?.AdvisorId,
            CampaignId = call?.CampaignId,
            // The API key's (or person's) name; background work such as seeding the corpus has none.
            Caller = http.HttpContext?.User.Identity?.Name ?? "service",
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
        };
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.ModelUsage.Add(record);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record {Purpose} model usage of {Tokens} tokens", record.Purpose, inputTokens + outputTokens);
        }
    }

    /// <summary>Tokens the advisor used since the start of the current budget day.</summary>
    public async Task<long> UsedTodayAsync(string advisorId, CancellationToken ct)
    {
        var since = DayStartUtc();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelUsage.Where(u => u.AdvisorId == advisorId && u.AtUtc >= since)
            .SumAsync(u => u.InputTokens + u.OutputTokens, ct);
    }

    /// <summary>The budget day starts at the server's local midnight (the firm's business day), held in UTC.</summary>
    public DateTime DayStartUtc()
    {
        var local = time.GetLocalNow();
        return new DateTimeOffset(local.Date, local.Offset).UtcDateTime;
    }

    /// <summary>When the budget resets: the next local midnight.</summary>
    public DateTimeOffset NextResetUtc()
    {
        var local = time.GetLocalNow();
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, time.LocalTimeZone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
