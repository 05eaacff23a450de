using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;

namespace Copilot.Benchmarks.Campaigns;

/// <summary>
/// Counts the prompt tokens of the chat requests the service sent, as logged by ../shared/tools/fake-openai.py (FAKE_LOG):
/// o200k tokens of every message's content plus OpenAI's chat framing (3 per message, 3 to prime the reply). Writing and
/// the judge are counted apart (the judge's requests ask for a JSON schema), and per draft.
/// Usage: <c>dotnet run -c Release --project tests/Copilot.Benchmarks -- prompt-tokens FAKE_LOG DRAFTS</c>.
/// </summary>
internal static class PromptTokens
{
    public static void Print(string log, int drafts)
    {
        var tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");
        var counts = new Dictionary<string, List<int>> { ["write"] = [], ["judge"] = [] };
        foreach (var line in File.ReadLines(log))
        {
            var entry = JsonNode.Parse(line)!;
            if (!entry["path"]!.GetValue<string>().EndsWith("/chat/completions")) continue;
            var body = entry["body"]!;
            var tokens = 3 + body["messages"]!.AsArray().Sum(m => 3 + tokenizer.CountTokens(Content(m!["content"])));
            counts[body["response_format"] is null ? "write" : "judge"].Add(tokens);
        }
        foreach (var (kind, list) in counts.Where(c => c.Value.Count > 0))
        {
            list.Sort();
            Console.WriteLine($"{kind}: {list.Count} calls, prompt tokens per call mean {list.Average():F0}, p50 {list[list.Count / 2]}, max {list[^1]}");
        }
        var total = counts.Values.Sum(l => l.Sum(t => (long)t));
        Console.WriteLine($"all: {counts.Values.Sum(l => l.Count)} calls for {drafts} drafts, {total} prompt tokens, {(double)total / drafts:F0} per draft");
    }

    private static string Content(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };
}
