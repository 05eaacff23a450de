using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Copilot.Common;
using Copilot.Knowledge.Chunking;
using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index;
using Copilot.Llm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Knowledge;

/// <summary>What ingesting one document produced.</summary>
public sealed record IngestionResult(string DocumentId, int Chunks, string Status, int Version);

/// <summary>
/// Extract → chunk → embed → index → catalog. Everything that can fail runs before the index is touched,
/// and the index swaps a document's chunks in one step, so a failed upload leaves the old version searchable.
/// </summary>
public sealed class KnowledgeIngestion(
    TokenCounter tokens,
    TextEmbedder embedder,
    IKnowledgeIndex index,
    KnowledgeCatalog catalog,
    IOptions<KnowledgeOptions> options,
    IOptions<ExtractionOptions> extraction,
    IOptions<InputLimitsOptions> limits,
    ILogger<KnowledgeIngestion> logger)
{
    private readonly TextExtractors _extractors = TextExtractors.Create(extraction.Value);

    /// <summary>
    /// Ingests a file. Metadata comes from <paramref name="defaults"/>, then the file's front matter, then
    /// <paramref name="fields"/>, each overriding the one before.
    /// </summary>
    /// <param name="actor">The key or person uploading, for the audit trail (default: the service itself, e.g. seeding at start).</param>
    public async Task<IngestionResult> IngestFileAsync(
        string fileName, Stream content, IReadOnlyDictionary<string, string?> fields, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? defaults = null, string actor = SystemActor)
    {
        var extracted = await ExtractAsync(fileName, content, ct);
        var merged = new Dictionary<string, string?>(defaults ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in extracted.FrontMatter) merged[key] = value;
        foreach (var (key, value) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Value))) merged[key] = value;
        return await IngestTextAsync(merged, extracted.Text, fileName, ct, actor);
    }

    // Extraction is CPU work on the caller's bytes: off the request thread, and cancelled when the file's time is up.
    private async Task<ExtractedText> ExtractAsync(string fileName, Stream content, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(extraction.Value.TimeoutSeconds));
        try
        {
            return await Task.Run(() => _extractors.Extract(fileName, content, deadline.Token), deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new UnreadableDocumentException($"Reading the file took longer than {extraction.Value.TimeoutSeconds} seconds.");
        }
    }

    /// <summary>Who the audit trail names for changes the service makes itself (seeding the corpus, the ingest command).</summary>
    public const string SystemActor = "system";

    public async Task<IngestionResult> IngestTextAsync(
        IReadOnlyDictionary<string, string?> fields, string text, string? sourceName, CancellationToken ct, string actor = SystemActor)
    {
        if (text.Length > extraction.Value.MaxDocumentChars)
            throw new DocumentTooLargeException(sourceName is null ? "text" : "file",
                $"The document has more than {extraction.Value.MaxDocumentChars:N0} characters of text.");
        var (heading, _) = MarkdownBlockParser.Parse(text);
        var metadata = DocumentMetadataParser.Parse(fields, heading ?? TitleFromFileName(sourceName), text, limits.Value);
        var settings = options.Value;
        var chunks = new StructuredChunker(tokens, settings.ChunkTokens, settings.ChunkOverlapTokens).Chunk(metadata.Id, text);
        if (chunks.Count == 0)
            throw new InputValidationException(sourceName is null ? "text" : "file", "The document contains no text to index.", unprocessable: true);

        IReadOnlyList<ReadOnlyMemory<float>?> vectors = embedder.IsEnabled
            ? (await embedder.EmbedAsync(chunks.Select(c => EmbeddingText(metadata, c)).ToList(), ct)).Select(v => (ReadOnlyMemory<float>?)v).ToList()
            : new ReadOnlyMemory<float>?[chunks.Count];
        var record = await catalog.SaveAsync(new KnowledgeDocumentRecord
        {
            Id = metadata.Id,
            Title = metadata.Title,
            Type = metadata.Type,
            Audience = metadata.Audience,
            Language = metadata.Language,
            MetadataJson = JsonSerializer.Serialize(metadata, CopilotJson.Options),
            SourceName = sourceName,
            ContentSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Chunks = chunks.Count,
            Tokens = chunks.Sum(c => c.Tokens),
            IngestedAtUtc = DateTime.UtcNow,
        }, actor, () => index.ReplaceDocumentAsync(metadata, chunks.Select((c, i) => new IndexedChunk(c, vectors[i])).ToList(), ct), ct);
        logger.LogInformation("Indexed document {DocumentId} version {Version}: {Chunks} chunks", metadata.Id, record.Version, chunks.Count);
        return new IngestionResult(metadata.Id, chunks.Count, "indexed", record.Version);
    }

    /// <param name="actor">The key or person deleting, for the audit trail.</param>
    public Task<bool> DeleteAsync(string documentId, string actor, CancellationToken ct) =>
        catalog.DeleteAsync(documentId, actor, () => index.DeleteDocumentAsync(documentId, ct), ct);

    // The title and section travel with the chunk into the embedding so that short passages keep their context.
    private static string EmbeddingText(DocumentMetadata metadata, KnowledgeChunk chunk) =>
        $"{metadata.Title}\n{chunk.Section}\n{chunk.Text}";

    private static string? TitleFromFileName(string? fileName) =>
        fileName is null ? null : Path.GetFileNameWithoutExtension(fileName);
}
