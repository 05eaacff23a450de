using Copilot.Api.Auth;
using Copilot.Clients;
using Copilot.Clients.Segments;
using Copilot.Clients.Tags;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Idempotency;
using Copilot.Leads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Clients;

public static class ClientEndpoints
{
    public static RouteGroupBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/v1/clients").WithTags("Clients");
        clients.MapPost("/import", ImportAsync).WithName("ImportClients").RequireAuthorization(AuthPolicies.ImportClients)
            .WithSummary("Import client portraits: CSV with a header row or JSON lines, as a multipart file or the body; upsert by advisor and client")
            // No Accepts metadata: it would make the framework refuse other types with a bare 415; the body reader names the field.
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        clients.MapGet("/", ListAsync).WithName("ListClients").RequireAuthorization(AuthPolicies.ReadClients)
            .WithSummary("An advisor's clients, by client id, a page at a time; only those with a tag, or in a segment").ProducesValidationProblem().ProducesProblem(404);
        clients.MapGet("/{id}", GetAsync).WithName("GetClient").RequireAuthorization(AuthPolicies.ReadClients)
            .WithSummary("One client's portrait, tags (rule, reason, values, since), leads and drafts").ProducesProblem(404);
        return clients;
    }

    private static async Task<Ok<ClientImportResult>> ImportAsync(
        HttpRequest request, [FromHeader(Name = IdempotencyStore.Header)] string? idempotencyKey, Caller caller, ClientImport import,
        IOptions<ClientOptions> options, CancellationToken ct)
    {
        var (content, format) = await ClientImportBody.ReadAsync(request, options.Value.MaxImportBytes, ct);
        // An advisor's key imports its own clients; the CRM and admins any advisor's.
        var only = caller.Role == CallerRole.Advisor ? caller.AdvisorId : null;
        var (result, _) = await import.ImportAsync(content, format, only, caller.Name, caller.IsLocal ? "local" : caller.Name, idempotencyKey, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<ClientPage>> ListAsync(
        string? advisorId, string? tag, string? segment, int? page, int? pageSize, Caller caller, ClientDirectory clients, TagRuleSet tags,
        SegmentStore segments, CancellationToken ct)
    {
        if (page is < 1) throw new InputValidationException("page", "Pages start at 1.");
        if (pageSize is < 1 or > 200) throw new InputValidationException("pageSize", "Use 1 to 200.");
        if (tag is not null && !tags.Contains(tag)) throw new InputValidationException("tag", "Unknown tag; GET /v1/tags lists them.");
        var advisor = caller.Role == CallerRole.Advisor ? caller.ActFor(advisorId, "advisorId") : advisorId;
        IReadOnlyList<string>? members = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            // A segment belongs to one advisor: its members are that advisor's clients (another advisor's segment is not found).
            var (saved, ids) = await segments.MembersAsync(segment, id => caller.CanSee(id) && (advisor is null || advisor == id), ct);
            advisor = saved.AdvisorId;
            members = ids;
        }
        return TypedResults.Ok(await clients.ListAsync(advisor, page ?? 1, pageSize ?? 50, ct, tag, members));
    }

    private static async Task<Results<Ok<ClientDetails>, NotFound>> GetAsync(
        string id, string? advisorId, string? language, Caller caller, ClientDirectory clients, DraftReview drafts, ClientTagging tagging,
        LeadBoard leads, CancellationToken ct)
    {
        var advisor = caller.Role == CallerRole.Advisor ? caller.AdvisorId : advisorId;
        if (string.IsNullOrWhiteSpace(advisor)) throw new InputValidationException("advisorId", "Name the advisor whose client this is.");
        // Another advisor's client is not found, so ids leak nothing.
        if (!caller.CanSee(advisor) || await clients.FindAsync(advisor, id, ct) is not { } portrait)
            throw new NotFoundException($"No client '{id}' for this advisor.");
        var lang = Languages.Parse(language);
        return TypedResults.Ok(new ClientDetails(portrait, await tagging.ForClientAsync(advisor, id, lang, ct),
            await leads.ForClientAsync(advisor, id, lang, ct), await drafts.ForClientAsync(advisor, id, ct)));
    }
}

/// <summary>A client's portrait, the tags they hold, the leads they would show now, and the drafts written to them, newest first.</summary>
public sealed record ClientDetails(ClientPortrait Portrait, IReadOnlyList<ClientTag> Tags, IReadOnlyList<Lead> Leads, IReadOnlyList<DraftView> Drafts);
