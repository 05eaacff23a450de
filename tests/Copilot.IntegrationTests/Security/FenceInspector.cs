using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Copilot.IntegrationTests.Security;

/// <summary>Reads the requests the fake model received: which data fence each declares and whether a text stays inside it.</summary>
public static partial class FenceInspector
{
    [GeneratedRegex(@"between <(data-[0-9a-f]{16}) kind=")]
    private static partial Regex DeclaredFence();

    public static IReadOnlyList<(string Role, string Content)> Messages(JsonObject request) =>
        request["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), Content(m["content"]))).ToList();

    /// <summary>
    /// How often the text occurs in the request's messages; throws when an occurrence lies outside the data blocks of the
    /// fence the request's own instructions declare.
    /// </summary>
    public static int CountInsideFence(JsonObject request, string text)
    {
        var messages = Messages(request);
        var fence = messages.Select(m => DeclaredFence().Match(m.Content)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var count = 0;
        foreach (var (role, content) in messages)
        {
            for (var at = content.IndexOf(text, StringComparison.Ordinal); at >= 0; at = content.IndexOf(text, at + 1, StringComparison.Ordinal))
            {
                count++;
                Assert.True(fence is not null, $"a {role} message carries «{text}» but the request declares no data fence");
                var open = content.LastIndexOf($"<{fence} kind=\"", at, StringComparison.Ordinal);
                var close = content.IndexOf($"</{fence}>", at, StringComparison.Ordinal);
                var closedBefore = open < 0 ? -1 : content.IndexOf($"</{fence}>", open, StringComparison.Ordinal);
                Assert.True(open >= 0 && close > at && closedBefore == close, $"«{text}» lies outside the data fence in a {role} message");
            }
        }
        return count;
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => "",
    };
}
