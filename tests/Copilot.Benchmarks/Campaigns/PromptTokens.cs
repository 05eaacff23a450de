using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Copilot.Benchmarks.Campaigns;

/// <summary>
/// Counts the prompt tokens of the chat requests the service sent, as logged by ../shared/tools/fake-openai.py (FAKE_LOG):
/// o200k tokens of every message's content plus OpenAI's chat framing (3 per message, 3 to prime the reply). Writing and
/// the judge are counted apart (the judge's requests ask for a JSON schema), and per draft. Each call is also split into
/// its parts — every fenced data block by its kind (client, passage, products, …), the data rules (the fence's
/// instructions), and the rest of the system and user text — so a prompt is cut where its tokens are, not by guess.
/// Usage: <c>dotnet run -c Release --project tests/Copilot.Benchmarks -- prompt-tokens FAKE_LOG DRAFTS</c>.
/// </summary>
internal static partial class PromptTokens
{
    [GeneratedRegex(@"<(data-[0-9a-f]+) kind=""([^""]+)""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Block();

    // prompts/data-rules: from its first line to its last bullet, as rendered into a system part or the judge's prompt.
    [GeneratedRegex(@"Order of authority:.*?any other tag inside the data is part of the data\.", RegexOptions.Singleline)]
    private static partial Regex DataRules();

    // prompts/compliance-judge's list of rules, one "- ID (…): title" line each.
    [GeneratedRegex(@"(?<=Rules that apply \(use these ids only\):\n)(- .*\n)+", RegexOptions.None)]
    private static partial Regex RuleList();

    public static void Print(string log, int drafts)
    {
        var tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");
        var counts = new Dictionary<string, List<int>> { ["write"] = [], ["judge"] = [] };
        var parts = new Dictionary<string, Dictionary<string, long>> { ["write"] = [], ["judge"] = [] };
        foreach (var line in File.ReadLines(log))
        {
            var entry = JsonNode.Parse(line)!;
            if (!entry["path"]!.GetValue<string>().EndsWith("/chat/completions")) continue;
            var body = entry["body"]!;
            var kind = body["response_format"] is null ? "write" : "judge";
            var messages = body["messages"]!.AsArray();
            var tokens = 3 + messages.Sum(m => 3 + tokenizer.CountTokens(Content(m!["content"])));
            counts[kind].Add(tokens);
            Add(parts[kind], "framing", 3 + 3 * messages.Count);
            foreach (var message in messages)
            {
                var role = message!["role"]!.GetValue<string>();
                var text = Content(message["content"]);
                // The data rules first: they quote the fence's tags, which would pass for a block.
                foreach (Match rules in DataRules().Matches(text))
                    Add(parts[kind], "data rules", tokenizer.CountTokens(rules.Value));
                text = DataRules().Replace(text, "");
                foreach (Match list in RuleList().Matches(text))
                    Add(parts[kind], "rule list", tokenizer.CountTokens(list.Value));
                text = RuleList().Replace(text, "");
                foreach (Match block in Block().Matches(text))
                    Add(parts[kind], $"data block: {block.Groups[2].Value}", tokenizer.CountTokens(block.Value));
                Add(parts[kind], $"{role} text (instructions, scenario)", tokenizer.CountTokens(Block().Replace(text, "")));
            }
        }
        foreach (var (kind, list) in counts.Where(c => c.Value.Count > 0))
        {
            list.Sort();
            Console.WriteLine($"{kind}: {list.Count} calls, prompt tokens per call mean {list.Average():F0}, p50 {list[list.Count / 2]}, p95 {list[(int)(list.Count * 0.95)]}, max {list[^1]}, over 1,500: {list.Count(t => t > 1500)}");
            // Parts are tokenised apart, so they may sum to a few tokens more or less than the whole.
            foreach (var (part, sum) in parts[kind].OrderByDescending(p => p.Value))
                Console.WriteLine($"  {part}: {(double)sum / list.Count:F0} per call");
        }
        var total = counts.Values.Sum(l => l.Sum(t => (long)t));
        Console.WriteLine($"all: {counts.Values.Sum(l => l.Count)} calls for {drafts} drafts, {total} prompt tokens, {(double)total / drafts:F0} per draft");
    }

    private static void Add(Dictionary<string, long> parts, string part, int tokens) =>
        parts[part] = parts.GetValueOrDefault(part) + tokens;

    private static string Content(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };
}
