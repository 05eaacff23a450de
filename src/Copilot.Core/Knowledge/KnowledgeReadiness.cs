namespace Copilot.Knowledge;

/// <summary>Whether the knowledge base has finished its first-start ingestion; the readiness probe reports it.</summary>
public sealed class KnowledgeReadiness
{
    private volatile string? _state = "seeding";

    public bool IsReady => _state is null;

    /// <summary>Why the knowledge base is not ready, or null when it is.</summary>
    public string? Reason => _state;

    public void MarkReady() => _state = null;

    public void MarkFailed(string reason) => _state = reason;
}
