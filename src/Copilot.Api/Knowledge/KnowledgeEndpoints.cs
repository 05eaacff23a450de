using Copilot.Api.Auth;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Knowledge.Index;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

public static class KnowledgeEndpoints
{
    public static RouteGroupBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var knowledge = app.MapGroup("/v1/knowledge").WithTags("Knowledge");
        knowledge.MapPost("/documents", UploadAsync).WithName("UploadDocument")
            .WithSummary("Upload or replace a document (multipart file + metadata fields, or JSON text + metadata)")
            .Accepts<CreateDocumentRequest>("application/json", "multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .DisableAntiforgery().RequireAuthorization(AuthPolicies.ManageKnowledge);
        knowledge.MapGet("/documents", ListAsync).WithName("ListDocuments").WithSummary("List ingested documents").RequireAuthorization(AuthPolicies.AnyCaller);
        knowledge.MapGet("/documents/{id}", GetAsync).WithName("GetDocument").WithSummary("One document's metadata and indexing status")
            .RequireAuthorization(AuthPolicies.AnyCaller);
        knowledge.MapDelete("/documents/{id}", DeleteAsync).WithName("DeleteDocument").WithSummary("Delete a document and all its chunks")
            .RequireAuthorization(AuthPolicies.ManageKnowledge);
        knowledge.MapGet("/search", SearchAsync).WithName("SearchKnowledge").WithSummary("Hybrid search over the knowledge base")
            .ProducesValidationProblem().RequireAuthorization(AuthPolicies.AnyCaller);
        knowledge.MapGet("/chunks/{chunkId}", GetChunkAsync).WithName("GetChunk")
            .WithSummary("One passage with its document and section: what a citation's chunkId opens")
            .ProducesValidationProblem().ProducesProblem(404).RequireAuthorization(AuthPolicies.AnyCaller);
        return knowledge;
    }

    private static async Task<Created<CreateDocumentResponse>> UploadAsync(
        HttpRequest request, Caller caller, KnowledgeIngestion ingestion, IOptions<KnowledgeOptions> options, CancellationToken ct)
    {
        var result = await DocumentUploadReader.IngestAsync(request, ingestion, options.Value.MaxUploadBytes, caller.Name, ct);
        return TypedResults.Created($"/v1/knowledge/documents/{result.DocumentId}",
            new CreateDocumentResponse(result.DocumentId, result.Chunks, result.Status, result.Version));
    }

    private static async Task<Ok<DocumentListResponse>> ListAsync(string? type, KnowledgeCatalog catalog, CancellationToken ct)
    {
        var filter = KnowledgeFilterParser.Parse(new KnowledgeFilterFields(Type: type, IncludeExpired: true), default);
        var records = await catalog.ListAsync(filter.Type, ct);
        return TypedResults.Ok(new DocumentListResponse(records.Select(DocumentResponse.From).ToList()));
    }

    private static async Task<Results<Ok<DocumentResponse>, NotFound>> GetAsync(string id, KnowledgeCatalog catalog, CancellationToken ct) =>
        await catalog.FindAsync(id, ct) is { } record ? TypedResults.Ok(DocumentResponse.From(record)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, Caller caller, KnowledgeIngestion ingestion, CancellationToken ct) =>
        await ingestion.DeleteAsync(id, caller.Name, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<SearchResponse>> SearchAsync(
        [AsParameters] SearchParameters query, KnowledgeSearch search, IOptions<KnowledgeOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query.Q)) throw new InputValidationException("q", "The search text must not be empty.");
        var top = query.Top ?? options.Value.DefaultTop;
        if (top is < 1 or > 50) throw new InputValidationException("top", "Use a number between 1 and 50.");
        var filter = KnowledgeFilterParser.Parse(
            new KnowledgeFilterFields(query.Type, query.Audience, query.ProductCode, query.ValidOn, query.IncludeExpired ?? false),
            DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var hits = await search.SearchAsync(query.Q, top, filter, ct);
        return TypedResults.Ok(new SearchResponse(hits.Select(hit => new SearchResultItem(
            hit.Document.Id, hit.Document.Title, hit.Chunk.ChunkId, hit.Chunk.Section, Math.Round(hit.Score, 4), hit.Chunk.Text, Tags(hit.Document))).ToList()));
    }

    /// <summary>
    /// Under the same audience rule as search: every role is the firm's staff and reads internal content, and a caller
    /// that shows passages to clients passes <c>audience=client</c>, under which an internal chunk does not exist.
    /// </summary>
    private static async Task<Results<Ok<ChunkResponse>, NotFound>> GetChunkAsync(
        string chunkId, string? audience, IKnowledgeIndex index, CancellationToken ct)
    {
        var filter = KnowledgeFilterParser.Parse(new KnowledgeFilterFields(Audience: audience, IncludeExpired: true), default);
        if (await index.FindChunkAsync(chunkId, ct) is not { } hit || filter.Audience is { } only && hit.Document.Audience != only)
            return TypedResults.NotFound();
        return TypedResults.Ok(ChunkResponse.From(hit));
    }

    private static IReadOnlyList<string> Tags(DocumentMetadata document) =>
        new[] { document.Type.ToString().ToLowerInvariant(), document.Audience.ToString().ToLowerInvariant(), document.Language, document.RiskLevel }
            .Concat(document.ProductCodes).OfType<string>().ToList();
}
