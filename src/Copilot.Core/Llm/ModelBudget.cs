using Microsoft.Extensions.Options;

namespace Copilot.Llm;

/// <summary>
/// The daily model-token budget per advisor (Llm:DailyTokenBudgetPerAdvisor), checked when a model-backed request
/// (a chat turn, a completion, a draft) starts, so a refused request leaves nothing behind. A request admitted with
/// budget left runs to its end — its own calls may overshoot — rather than failing half-way (a draft judged rules-only).
/// </summary>
public sealed class ModelBudget(ModelUsageLedger ledger, IOptions<LlmOptions> options, GeneratorInfo generator, TimeProvider time)
{
    /// <summary>Throws <see cref="ModelBudgetExceededException"/> when the advisor has spent today's budget; template mode spends none.</summary>
    public async Task EnsureAvailableAsync(string? advisorId, CancellationToken ct)
    {
        var limit = options.Value.DailyTokenBudgetPerAdvisor;
        if (limit <= 0 || advisorId is null || generator.IsTemplate) return;
        var used = await ledger.UsedTodayAsync(advisorId, ct);
        if (used < limit) return;
        var reset = ledger.NextResetUtc();
        throw new ModelBudgetExceededException(advisorId, limit, reset, reset - time.GetUtcNow());
    }
}

/// <summary>An advisor's model-token budget for today is spent; it resets at <see cref="ResetsAtUtc"/>.</summary>
public sealed class ModelBudgetExceededException(string advisorId, long limit, DateTimeOffset resetsAtUtc, TimeSpan retryAfter)
    : Exception($"Advisor '{advisorId}' has used today's model budget of {limit:N0} tokens; it resets at {resetsAtUtc:yyyy-MM-dd HH:mm} UTC.")
{
    public string AdvisorId { get; } = advisorId;
    public DateTimeOffset ResetsAtUtc { get; } = resetsAtUtc;
    public TimeSpan RetryAfter { get; } = retryAfter;
}
