namespace Copilot.IntegrationTests.Qdrant;

/// <summary>A fact that runs only against a real Qdrant, named by the QDRANT_URL environment variable; skipped otherwise.</summary>
public sealed class QdrantLiveFactAttribute : FactAttribute
{
    public const string UrlVariable = "QDRANT_URL";
    public const string ApiKeyVariable = "QDRANT_API_KEY";

    public QdrantLiveFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UrlVariable)))
            Skip = $"Set {UrlVariable} to a Qdrant gRPC endpoint (e.g. http://localhost:6334) to run the live Qdrant tests.";
    }
}
