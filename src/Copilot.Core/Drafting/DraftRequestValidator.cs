using Copilot.Clients;
using Copilot.Common;

namespace Copilot.Drafting;

/// <summary>A draft request that passed validation, with its scenario, channel and language resolved.</summary>
public sealed record ValidDraftRequest(
    string AdvisorId, ClientPortrait Client, int ClientClass, Scenario Scenario, string? Notes, ChannelFormat Channel,
    IReadOnlyList<PitchedProduct> Products, bool Chinese);

/// <summary>Checks a draft request field by field and names every field that is wrong.</summary>
public static class DraftRequestValidator
{
    public static ValidDraftRequest Validate(DraftRequest request, InputLimitsOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string reason) => errors[field] = [reason];

        if (string.IsNullOrWhiteSpace(request.AdvisorId)) Fail("advisorId", "The advisor's id is required.");
        var client = request.Client;
        if (client is null) Fail("client", "The client is required.");
        else
        {
            if (string.IsNullOrWhiteSpace(client.Id) || client.Id.Length > 64) Fail("client.id", "The client's id is required (at most 64 characters).");
            if (string.IsNullOrWhiteSpace(client.Name)) Fail("client.name", "The client's name is required (or import the client first and send only its id).");
            else if (client.Name.Length > limits.NameChars) Fail("client.name", $"Up to {limits.NameChars} characters.");
            if (RiskLevels.Level(client.RiskClass) is null || !client.RiskClass!.StartsWith('C')) Fail("client.riskClass", "Use C1, C2, C3, C4 or C5 (or import the client first and send only its id).");
            if (client.HorizonMonths is < 0 or > 600) Fail("client.horizonMonths", "Use a number of months between 0 and 600.");
            if (client.LifecycleStage is { } stage && stage.Length > limits.NameChars) Fail("client.lifecycleStage", $"Up to {limits.NameChars} characters.");
            if (client.Language is { Length: > 0 } language && !language.StartsWith("zh") && !language.StartsWith("en"))
                Fail("client.language", "Use zh-CN or en.");
            var holdings = client.Holdings ?? [];
            if (holdings.Count > limits.Holdings) Fail("client.holdings", $"Up to {limits.Holdings} holdings.");
            else foreach (var (holding, i) in holdings.Select((h, i) => (h, i)))
            {
                if (holding is null) { Fail($"client.holdings[{i}]", "A holding must not be null."); continue; }
                if (string.IsNullOrWhiteSpace(holding.Code)) Fail($"client.holdings[{i}].code", "Each holding needs a code.");
                else if (holding.Code.Length > limits.NameChars) Fail($"client.holdings[{i}].code", $"Up to {limits.NameChars} characters.");
                if (holding.Name is { } name && name.Length > limits.NameChars) Fail($"client.holdings[{i}].name", $"Up to {limits.NameChars} characters.");
                if (holding.RiskLevel is not null && !IsRiskLevel(holding.RiskLevel)) Fail($"client.holdings[{i}].riskLevel", "Use R1 to R5.");
                // NaN and infinities compare false with everything, so only an explicit range test keeps them out.
                if (holding.Weight is { } weight && !(weight is >= 0 and <= 1)) Fail($"client.holdings[{i}].weight", "Use a share between 0 and 1.");
            }
            var tags = client.Tags ?? [];
            if (tags.Count > limits.Tags) Fail("client.tags", $"Up to {limits.Tags} tags.");
            else foreach (var (tag, i) in tags.Select((t, i) => (t, i)))
            {
                if (string.IsNullOrWhiteSpace(tag)) Fail($"client.tags[{i}]", "A tag must not be empty.");
                else if (tag.Length > limits.TagChars) Fail($"client.tags[{i}]", $"Up to {limits.TagChars} characters.");
            }
        }

        var scenario = ScenarioCatalog.Find(request.Scenario?.Kind, request.Scenario?.Code);
        if (request.Scenario?.Kind is null || !ScenarioCatalog.Kinds.Contains(request.Scenario.Kind, StringComparer.OrdinalIgnoreCase))
            Fail("scenario.kind", $"Use one of: {string.Join(", ", ScenarioCatalog.Kinds)}.");
        else if (scenario is null)
            Fail("scenario.code", $"Use one of: {string.Join(", ", ScenarioCatalog.All.Where(s => s.Kind == request.Scenario.Kind.ToLowerInvariant()).Select(s => s.Code))}.");
        if (request.Scenario?.Notes is { } notes && notes.Length > limits.NotesChars) Fail("scenario.notes", $"Notes are limited to {limits.NotesChars:N0} characters.");

        var channel = ChannelFormat.Find(request.Channel);
        if (channel is null) Fail("channel", "Use wechat, sms or email.");

        var products = request.Products ?? [];
        if (products.Count > limits.Products) Fail("products", $"Up to {limits.Products} products.");
        else foreach (var (product, i) in products.Select((p, i) => (p, i)))
        {
            if (product is null) { Fail($"products[{i}]", "A product must not be null."); continue; }
            if (string.IsNullOrWhiteSpace(product.Code)) Fail($"products[{i}].code", "Each product needs a code.");
            else if (product.Code.Length > limits.NameChars) Fail($"products[{i}].code", $"Up to {limits.NameChars} characters.");
            if (!IsRiskLevel(product.RiskLevel)) Fail($"products[{i}].riskLevel", "Use R1 to R5.");
            if (product.LockupMonths is < 0 or > 600) Fail($"products[{i}].lockupMonths", "Use a number of months between 0 and 600.");
        }

        if (errors.Count > 0) throw new InputValidationException(errors);
        return new ValidDraftRequest(request.AdvisorId!.Trim(), client!, RiskLevels.Level(client!.RiskClass)!.Value, scenario!,
            request.Scenario!.Notes, channel!, request.Products ?? [], !(client.Language ?? "zh").StartsWith("en"));
    }

    private static bool IsRiskLevel(string? level) => level is { Length: 2 } && level[0] == 'R' && RiskLevels.Level(level) is not null;
}
