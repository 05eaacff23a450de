using Copilot.Knowledge.Index.Qdrant;
using Qdrant.Client;

namespace Copilot.UnitTests.Qdrant;

/// <summary>A Qdrant index wired to a fresh fake server; each test builds its own.</summary>
public sealed class QdrantIndexHarness : IDisposable
{
    public const string CollectionName = "chunks";

    private readonly List<IDisposable> _owned = [];

    public QdrantIndexHarness()
    {
        Index = NewIndex();
    }

    public FakeQdrantCallInvoker Server { get; } = new();

    public QdrantKnowledgeIndex Index { get; }

    public FakeQdrantCollection Collection => Server.Collection(CollectionName);

    /// <summary>Another index over the same server, as a second replica or a restarted process would be.</summary>
    public QdrantKnowledgeIndex NewIndex(int candidatePool = QdrantKnowledgeIndex.DefaultCandidatePool)
    {
        var client = Server.CreateClient();
        var index = new QdrantKnowledgeIndex(client, CollectionName, candidatePool);
        _owned.Add(client);
        _owned.Add(index);
        return index;
    }

    /// <summary>The texts stored for a document, in chunk order.</summary>
    public IReadOnlyList<string> StoredTexts(string documentId) =>
        Collection.Points
            .Where(point => point.Payload["document_id"].StringValue == documentId)
            .OrderBy(point => point.Payload["ordinal"].IntegerValue)
            .Select(point => point.Payload["text"].StringValue)
            .ToList();

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
    }
}
