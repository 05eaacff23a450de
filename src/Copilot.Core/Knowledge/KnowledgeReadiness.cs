namespace Copilot.Knowledge;

/// <summary>Whether the knowledge base has finished its first-start ingestion; the readiness probe reports it.</summary>
public sealed class KnowledgeReadiness
{
    private const string Seeding = "seeding";
    private volatile string? _state = Seeding;

    public bool IsReady => _state is null;

    /// <summary>Still ingesting the sample corpus at first start: not ready yet, but nothing is wrong.</summary>
    public bool IsSeeding => ReferenceEquals(_state, Seeding);

    /// <summary>Why the knowledge base is not ready, or null when it is.</summary>
    public string? Reason => _state;

    public void MarkReady() => _state = null;

    public void MarkFailed(string reason) => _state = reason;
}
