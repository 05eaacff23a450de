namespace Copilot.Llm;

/// <summary>What the next model calls are for and whose budget they spend; read by the pipeline's usage layer.</summary>
public sealed record ModelCall(string Purpose, string? AdvisorId, string? CampaignId = null);

/// <summary>
/// Carries a <see cref="ModelCall"/> down to the IChatClient pipeline without threading it through every signature.
/// The pipeline reads it when a call starts, so an async iterator need only set it before each call it makes.
/// </summary>
public static class ModelCallContext
{
    private static readonly AsyncLocal<ModelCall?> Current = new();

    public static ModelCall? Value => Current.Value;

    /// <summary>Sets the purpose; the advisor and campaign are inherited from an enclosing call (the judge inside a draft) when not given.</summary>
    public static Scope Begin(string purpose, string? advisorId = null, string? campaignId = null)
    {
        var previous = Current.Value;
        Current.Value = new ModelCall(purpose, advisorId ?? previous?.AdvisorId, campaignId ?? previous?.CampaignId);
        return new Scope(previous);
    }

    /// <summary>Restores the enclosing call on dispose.</summary>
    public readonly struct Scope(ModelCall? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
